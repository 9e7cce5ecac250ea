import { expect, type Locator, type Page } from "@playwright/test";
import { STEP_OFFICES } from "@visit-once/workflows/contracts";

// Staff-side helpers; signing in, submitting and case actions are the citizen helpers' (./citizen).
export { officer } from "./citizen";
export { freshCode, passSecondFactor } from "./second-factor";

export const ZHOU = "zhou@demo.visit-once.local";
export const CASEWORKER = "caseworker@demo.visit-once.local";
export const ADMIN = "admin@demo.visit-once.local";
export const OFFICES = STEP_OFFICES;

export const FIRST_STEP = "household-registration";
/** The staff specs' baby (for Zhou, a name that conflicts with the household register). */
export const STAFF_NEWBORN_FIELDS = { babyName: "周小宝" };

export const taskUrl = (applicationId: string, stepKey = FIRST_STEP) => `/staff/tasks/${applicationId}/${stepKey}`;

/** Waits until the office's step of the case has started (the officer can open it). */
export async function waitForTask(officerPage: Page, applicationId: string, stepKey = FIRST_STEP): Promise<void> {
  await expect
    .poll(async () => (await officerPage.request.get(taskUrl(applicationId, stepKey))).status(), {
      timeout: 120_000,
      intervals: [1000],
    })
    .toBe(200);
}

/**
 * The row of a case's step in an officer's workbench, as she finds it: on the first page, or a
 * page further on (the queue lists the soonest due first, 20 a page; other journeys leave tasks
 * behind). Each page is opened by its address, so no client-side navigation is still under way
 * when the rows are read.
 */
export async function findTaskRow(officerPage: Page, applicationId: string, stepKey = FIRST_STEP): Promise<Locator> {
  const row = officerPage.locator(`tr[data-application-id="${applicationId}"][data-step="${stepKey}"]`);
  await expect(async () => {
    for (let page = 1; ; page++) {
      await officerPage.goto(page === 1 ? "/staff/tasks" : `/staff/tasks?page=${page}`);
      if ((await row.count()) > 0 || (await officerPage.getByRole("link", { name: "Next page" }).count()) === 0) break;
    }
    await expect(row).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 120_000 });
  return row;
}

/** Waits for the case's conflict in the caseworker's queue; returns the exception id. */
export async function waitForConflict(caseworkerPage: Page, applicationId: string): Promise<string> {
  await caseworkerPage.goto("/staff/exceptions?kind=CONFLICT");
  const row = caseworkerPage.locator(`tr[data-application-id="${applicationId}"]`);
  await expect(row).toBeVisible({ timeout: 120_000 });
  const testId = await row.getAttribute("data-testid");
  const id = testId?.replace(/^exception-/, "");
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return id!;
}

/** Opens a URL and expects the standard "not found" page: no hint that anything is there. */
export async function expectNotFound(page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
}

/** Elements that stick out of the viewport sideways (ignoring those inside a scrolling region), e.g. "select.rounded". */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`[...document.querySelectorAll("body *")]
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest("[role=region]"))
    .map((e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + "." + String(e.className).split(" ").slice(0, 3).join("."))`);
}
