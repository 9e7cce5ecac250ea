import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { MEI } from "../../support/citizen";
import {
  ADMIN,
  applyForNewborn,
  CASEWORKER,
  expectNotFound,
  FIRST_STEP,
  OFFICES,
  officer,
  postAction,
  signedIn,
  taskUrl,
  waitForConflict,
  waitForTask,
  ZHOU,
} from "../../support/staff";

// One clean case (mei: straight to Public Security's first step) and one with a conflict
// (zhou: waits for a caseworker), shared by every check below.
let cleanCase: string;
let conflictCase: string;
let exceptionId: string;

const approve = { action: "decide", stepKey: FIRST_STEP, decision: "approve", reason: "" };
const resolve = () => ({ action: "resolve", exceptionId, resolution: { kind: "reject", reason: "probing" } });

test.describe.configure({ mode: "serial" });

test.describe("staff: access denied", () => {
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(240_000);
    cleanCase = await applyForNewborn(await signedIn(browser, MEI));
    conflictCase = await applyForNewborn(await signedIn(browser, ZHOU));
    await waitForTask(await signedIn(browser, officer("public-security")), cleanCase);
    exceptionId = await waitForConflict(await signedIn(browser, CASEWORKER), conflictCase);
  });

  test("a citizen never reaches a staff page and cannot act as staff", async ({ browser }) => {
    const mei = await signedIn(browser, MEI);
    for (const url of ["/staff", "/staff/exceptions", "/staff/tasks", "/staff/board", `/staff/exceptions/${exceptionId}`, taskUrl(cleanCase)]) {
      await mei.goto(url);
      await expect(mei, url).toHaveURL(/\/services$/);
    }
    // Even on her own case, a citizen cannot decide a department's step or resolve an exception.
    expect((await postAction(mei, cleanCase, approve)).status()).toBe(404);
    const zhou = await signedIn(browser, ZHOU);
    expect((await postAction(zhou, conflictCase, resolve())).status()).toBe(404);
  });

  test("every office sees only its own steps: another office's task is not there, on the page or the API", async ({ browser }) => {
    test.setTimeout(180_000);
    for (const office of OFFICES) {
      const page = await signedIn(browser, officer(office));
      await expect(page, office).toHaveURL(/\/staff\/tasks$/);
      if (office === "public-security") {
        await expect(page.locator(`tr[data-application-id="${cleanCase}"]`)).toBeVisible();
        expect((await page.goto(taskUrl(cleanCase)))?.status()).toBe(200);
      } else {
        await expect(page.locator(`tr[data-application-id="${cleanCase}"]`)).toHaveCount(0);
        await expectNotFound(page, taskUrl(cleanCase));
        const refused = await postAction(page, cleanCase, approve);
        expect(refused.status(), office).toBe(404);
        expect(await refused.json()).toEqual({ error: "Not found." });
      }
      // No officer works the exception queue.
      await expectNotFound(page, "/staff/exceptions");
      await expectNotFound(page, `/staff/exceptions/${exceptionId}`);
      expect((await postAction(page, conflictCase, resolve())).status()).toBe(404);
      await page.context().close();
    }
  });

  test("guessed URLs answer the standard 404", async ({ browser }) => {
    const officerPage = await signedIn(browser, officer("public-security"));
    for (const url of [
      taskUrl(randomUUID()),
      taskUrl("not-a-uuid"),
      taskUrl(cleanCase, "no-such-step"),
      taskUrl(cleanCase, "fetch:identity"),
      taskUrl(conflictCase, "social-security-card"),
      taskUrl(cleanCase, "%25"),
    ]) {
      await expectNotFound(officerPage, url);
    }
    expect((await postAction(officerPage, randomUUID(), approve)).status()).toBe(404);

    const caseworker = await signedIn(browser, CASEWORKER);
    for (const url of [`/staff/exceptions/${randomUUID()}`, "/staff/exceptions/not-a-uuid", "/staff/exceptions/..%2F..%2Fapi"]) await expectNotFound(caseworker, url);
  });

  test("a caseworker cannot open or decide a department's task", async ({ browser }) => {
    const caseworker = await signedIn(browser, CASEWORKER);
    await expectNotFound(caseworker, "/staff/tasks");
    await expectNotFound(caseworker, taskUrl(cleanCase));
    expect((await postAction(caseworker, cleanCase, approve)).status()).toBe(404);
    // The board is open to caseworkers.
    expect((await caseworker.goto("/staff/board"))?.status()).toBe(200);
  });

  test("an administrator sees the board and nothing else", async ({ browser }) => {
    const admin = await signedIn(browser, ADMIN);
    await expect(admin).toHaveURL(/\/staff\/board$/);
    for (const url of ["/staff/exceptions", `/staff/exceptions/${exceptionId}`, "/staff/tasks", taskUrl(cleanCase)]) await expectNotFound(admin, url);
    expect((await postAction(admin, cleanCase, approve)).status()).toBe(404);
    expect((await postAction(admin, conflictCase, resolve())).status()).toBe(404);
  });

  test("the case is untouched by every refused attempt", async ({ browser }) => {
    const officerPage: Page = await signedIn(browser, officer("public-security"));
    await officerPage.goto(taskUrl(cleanCase));
    await expect(officerPage.getByTestId("step-status")).toHaveAttribute("data-status", "AWAITING_DECISION");
    const caseworker = await signedIn(browser, CASEWORKER);
    await caseworker.goto(`/staff/exceptions/${exceptionId}`);
    await expect(caseworker.getByTestId("exception-status")).toHaveAttribute("data-status", "OPEN");
  });
});
