import { randomUUID } from "node:crypto";
import { type Browser, expect, type Page } from "@playwright/test";
import { SERVICES, STEP_OFFICES } from "@visit-once/workflows/contracts";
import { NEWBORN, signIn } from "./citizen";

export const ZHOU = "zhou@demo.visit-once.local";
export const CASEWORKER = "caseworker@demo.visit-once.local";
export const ADMIN = "admin@demo.visit-once.local";
export const OFFICES = STEP_OFFICES;
export const officer = (office: string) => `officer.${office}@demo.visit-once.local`;

export const NEWBORN_CONSENT = SERVICES["newborn-registration"].evidence.map((e) => e.recordType);
export const FIRST_STEP = "household-registration";

/** A page in its own browser context (its own session), signed in as `email`. */
export async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Applies for a newborn registration as the signed-in citizen, through the API; returns the application id. */
export async function applyForNewborn(citizen: Page): Promise<string> {
  const applicationId = randomUUID();
  const created = await citizen.request.post("/api/applications", { data: { applicationId, serviceCode: NEWBORN, consent: NEWBORN_CONSENT, fields: { babyName: "周小宝" } } });
  expect(created.status()).toBe(201);
  return applicationId;
}

export const taskUrl = (applicationId: string, stepKey = FIRST_STEP) => `/staff/tasks/${applicationId}/${stepKey}`;

/** Waits until the office's step of the case has started (the officer can open it). */
export async function waitForTask(officerPage: Page, applicationId: string, stepKey = FIRST_STEP): Promise<void> {
  await expect.poll(async () => (await officerPage.request.get(taskUrl(applicationId, stepKey))).status(), { timeout: 120_000, intervals: [1000] }).toBe(200);
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

/** A case action sent straight to the route handler, as the page's user (in English: without the header, the site's default is Chinese). */
export async function postAction(page: Page, applicationId: string, body: unknown) {
  return page.request.post(`/api/applications/${applicationId}/actions`, { headers: { "Idempotency-Key": randomUUID(), "Accept-Language": "en" }, data: body });
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
