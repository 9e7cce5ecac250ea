import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { actOnCase, MEI, signedInPage, submitNewborn } from "../../support/citizen";
import {
  ADMIN,
  CASEWORKER,
  expectNotFound,
  findTaskRow,
  FIRST_STEP,
  OFFICES,
  officer,
  STAFF_NEWBORN_FIELDS,
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
    cleanCase = await submitNewborn((await signedInPage(browser, MEI)).request, STAFF_NEWBORN_FIELDS);
    conflictCase = await submitNewborn((await signedInPage(browser, ZHOU)).request, STAFF_NEWBORN_FIELDS);
    await waitForTask(await signedInPage(browser, officer("public-security")), cleanCase);
    exceptionId = await waitForConflict(await signedInPage(browser, CASEWORKER), conflictCase);
  });

  test("a citizen never reaches a staff page and cannot act as staff", async ({ browser }) => {
    const mei = await signedInPage(browser, MEI);
    for (const url of [
      "/staff",
      "/staff/exceptions",
      "/staff/tasks",
      "/staff/board",
      `/staff/exceptions/${exceptionId}`,
      taskUrl(cleanCase),
    ]) {
      await mei.goto(url);
      await expect(mei, url).toHaveURL(/\/services$/);
    }
    // Even on her own case, a citizen cannot decide a department's step or resolve an exception.
    expect((await actOnCase(mei.request, cleanCase, approve)).status()).toBe(404);
    const zhou = await signedInPage(browser, ZHOU);
    expect((await actOnCase(zhou.request, conflictCase, resolve())).status()).toBe(404);
  });

  test("every office sees only its own steps: another office's task is not there, on the page or the API", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    for (const office of OFFICES) {
      const page = await signedInPage(browser, officer(office));
      await expect(page, office).toHaveURL(/\/staff\/tasks$/);
      if (office === "public-security") {
        // Other journeys leave tasks in this office's queue: she finds the case's row as she would, a page at a time.
        await findTaskRow(page, cleanCase);
        expect((await page.goto(taskUrl(cleanCase)))?.status()).toBe(200);
      } else {
        await expect(page.locator(`tr[data-application-id="${cleanCase}"]`)).toHaveCount(0);
        await expectNotFound(page, taskUrl(cleanCase));
        const refused = await actOnCase(page.request, cleanCase, approve);
        expect(refused.status(), office).toBe(404);
        expect(await refused.json()).toEqual({ error: "Not found." });
      }
      // No officer works the exception queue.
      await expectNotFound(page, "/staff/exceptions");
      await expectNotFound(page, `/staff/exceptions/${exceptionId}`);
      expect((await actOnCase(page.request, conflictCase, resolve())).status()).toBe(404);
      await page.context().close();
    }
  });

  test("guessed URLs answer the standard 404", async ({ browser }) => {
    const officerPage = await signedInPage(browser, officer("public-security"));
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
    expect((await actOnCase(officerPage.request, randomUUID(), approve)).status()).toBe(404);

    const caseworker = await signedInPage(browser, CASEWORKER);
    for (const url of [
      `/staff/exceptions/${randomUUID()}`,
      "/staff/exceptions/not-a-uuid",
      "/staff/exceptions/..%2F..%2Fapi",
    ])
      await expectNotFound(caseworker, url);
  });

  test("a caseworker cannot open or decide a department's task", async ({ browser }) => {
    const caseworker = await signedInPage(browser, CASEWORKER);
    await expectNotFound(caseworker, "/staff/tasks");
    await expectNotFound(caseworker, taskUrl(cleanCase));
    expect((await actOnCase(caseworker.request, cleanCase, approve)).status()).toBe(404);
    // The board is open to caseworkers.
    expect((await caseworker.goto("/staff/board"))?.status()).toBe(200);
  });

  test("an administrator sees the board and nothing else", async ({ browser }) => {
    const admin = await signedInPage(browser, ADMIN);
    await expect(admin).toHaveURL(/\/staff\/board$/);
    for (const url of ["/staff/exceptions", `/staff/exceptions/${exceptionId}`, "/staff/tasks", taskUrl(cleanCase)])
      await expectNotFound(admin, url);
    expect((await actOnCase(admin.request, cleanCase, approve)).status()).toBe(404);
    expect((await actOnCase(admin.request, conflictCase, resolve())).status()).toBe(404);
  });

  test("the case is untouched by every refused attempt", async ({ browser }) => {
    // Two staff sign-ins, each of which may wait up to 30 s for a TOTP code not used before.
    test.setTimeout(90_000);
    const officerPage: Page = await signedInPage(browser, officer("public-security"));
    await officerPage.goto(taskUrl(cleanCase));
    await expect(officerPage.getByTestId("step-status")).toHaveAttribute("data-status", "AWAITING_DECISION");
    const caseworker = await signedInPage(browser, CASEWORKER);
    await caseworker.goto(`/staff/exceptions/${exceptionId}`);
    await expect(caseworker.getByTestId("exception-status")).toHaveAttribute("data-status", "OPEN");
  });
});
