import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { SERVICES } from "@visit-once/workflows/contracts";
import { expectNoSeriousA11yViolations, LEI, MEI, NEWBORN, signIn } from "../../support/citizen";

const ALL_CONSENTS = SERVICES["newborn-registration"].evidence.map((e) => e.recordType);
const STEP_KEYS = [...ALL_CONSENTS.map((r) => `fetch:${r}`), "review"];

test.describe("newborn registration", () => {
  test("a citizen applies once and watches the records arrive and the case reach the departments, live", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, MEI);
    await expect(page).toHaveURL(/\/services$/);

    await page.getByRole("link", { name: "Register a newborn" }).click();
    await expect(page).toHaveURL(new RegExp(`/services/${NEWBORN}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Register a newborn");

    const submit = page.getByRole("button", { name: "Submit application" });
    const boxes = page.getByRole("checkbox");
    await expect(boxes).toHaveCount(ALL_CONSENTS.length);
    await expect(submit).toBeDisabled();
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel("I agree that Public Security Bureau shares my identity record for this purpose").check();
    await page.getByLabel("I agree that Health Commission shares my medical birth certificate for this purpose").check();
    await page.getByLabel("I agree that Civil Affairs Bureau shares my marriage record for this purpose").check();
    await page.getByLabel("I agree that Public Security Bureau shares my household registration for this purpose").check();
    await expect(submit).toBeDisabled();
    await page.getByLabel("I agree that Medical Security Bureau shares my medical insurance enrolment for this purpose").check();
    await expect(submit).toBeEnabled();

    await submit.click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);

    // Count full page loads from here on: the case must update without one.
    let loads = 0;
    page.on("load", () => loads++);

    const status = page.getByTestId("application-status");
    for (const key of STEP_KEYS) {
      await expect(page.getByTestId(`step-${key}`)).toHaveAttribute("data-status", "DONE", { timeout: 90_000 });
      await expect(page.getByTestId(`step-${key}`)).toContainText("Done");
    }
    await expect(status).toHaveAttribute("data-status", "IN_DEPARTMENTS", { timeout: 30_000 });
    await expect(status).toHaveText("With the departments");
    await expect(page.getByTestId("record-identity")).toContainText("received from Public Security Bureau");
    await expect(page.getByTestId("record-birth-certificate")).toContainText("Health Commission");
    expect(loads).toBe(0);

    await expectNoSeriousA11yViolations(page);
  });

  test("the application API refuses strangers and malformed bodies", async ({ page, playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const unauth = await anonymous.post("/api/applications", {
      data: { applicationId: randomUUID(), serviceCode: NEWBORN, consent: ALL_CONSENTS },
    });
    expect(unauth.status()).toBe(401);
    await anonymous.dispose();

    await signIn(page, MEI);
    const notJson = await page.request.post("/api/applications", {
      headers: { "Content-Type": "application/json" },
      data: Buffer.from("{not json"),
    });
    expect(notJson.status()).toBe(400);
    expect((await notJson.json()).error).toMatch(/JSON/);

    const notAnObject = await page.request.post("/api/applications", { data: ["a", "b"] });
    expect(notAnObject.status()).toBe(400);
    expect((await notAnObject.json()).error).toMatch(/JSON object/);

    const wrongTypes = await page.request.post("/api/applications", {
      data: { applicationId: 42, serviceCode: NEWBORN, consent: "all" },
    });
    expect(wrongTypes.status()).toBe(400);
    expect((await wrongTypes.json()).error).toMatch(/applicationId/);

    const partialConsent = await page.request.post("/api/applications", {
      data: { applicationId: randomUUID(), serviceCode: NEWBORN, consent: ["identity"] },
    });
    expect(partialConsent.status()).toBe(400);
    expect((await partialConsent.json()).error).toMatch(/every record/);
  });

  test("another citizen cannot see someone's application", async ({ browser }) => {
    const meiContext = await browser.newContext();
    const mei = await meiContext.newPage();
    await signIn(mei, MEI);
    const applicationId = randomUUID();
    const created = await mei.request.post("/api/applications", {
      data: { applicationId, serviceCode: NEWBORN, consent: ALL_CONSENTS },
    });
    expect(created.status()).toBe(201);
    expect(await created.json()).toEqual({ applicationId, url: `/applications/${applicationId}` });

    // Resubmitting the same form is harmless.
    const again = await mei.request.post("/api/applications", {
      data: { applicationId, serviceCode: NEWBORN, consent: ALL_CONSENTS },
    });
    expect(again.status()).toBe(200);
    expect((await mei.request.get(`/api/applications/${applicationId}`)).status()).toBe(200);
    await meiContext.close();

    const leiContext = await browser.newContext();
    const lei = await leiContext.newPage();
    await signIn(lei, LEI);
    expect((await lei.request.get(`/api/applications/${applicationId}`)).status()).toBe(404);
    const pageResponse = await lei.goto(`/applications/${applicationId}`);
    expect(pageResponse?.status()).toBe(404);
    await expect(lei.getByRole("heading", { name: "Page not found" })).toBeVisible();
    // Taking over mei's id by submitting it is refused the same way.
    const takeover = await lei.request.post("/api/applications", {
      data: { applicationId, serviceCode: NEWBORN, consent: ALL_CONSENTS },
    });
    expect(takeover.status()).toBe(404);
    await leiContext.close();
  });
});
