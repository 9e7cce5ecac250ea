import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import {
  aBabyName,
  confirmPreviewOnPage,
  expectNoSeriousA11yViolations,
  LEI,
  MEI,
  NEWBORN,
  NEWBORN_CONSENTS,
  NEWBORN_FIELDS,
  signIn,
} from "../../support/citizen";

const FETCH_KEYS = NEWBORN_CONSENTS.map((r) => `fetch:${r}`);

test.describe("newborn registration", () => {
  test("a citizen consents, types only the baby's name, submits, watches the records arrive live and disputes one", async ({
    page,
  }) => {
    test.setTimeout(150_000);
    const babyName = aBabyName();
    await signIn(page, MEI);
    await expect(page).toHaveURL(/\/services$/);

    await page.getByRole("link", { name: "Register a newborn" }).click();
    await expect(page).toHaveURL(new RegExp(`/services/${NEWBORN}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Register a newborn");

    // Stage 1: consent, each record with its department and purpose.
    const next = page.getByRole("button", { name: "Continue" });
    await expect(page.getByRole("checkbox")).toHaveCount(NEWBORN_CONSENTS.length);
    await expect(page.getByTestId("consent-item-birth-certificate")).toContainText("Health Commission");
    await expect(page.getByTestId("consent-item-birth-certificate")).toContainText(
      "Confirm the birth from the hospital's medical birth certificate",
    );
    await expect(next).toBeDisabled();
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel("I agree that Public Security Bureau shares my identity record for this purpose").check();
    await page
      .getByLabel("I agree that Health Commission shares my medical birth certificate for this purpose")
      .check();
    await page.getByLabel("I agree that Civil Affairs Bureau shares my marriage record for this purpose").check();
    await page
      .getByLabel("I agree that Public Security Bureau shares my household registration for this purpose")
      .check();
    await expect(next).toBeDisabled();
    await page
      .getByLabel("I agree that Medical Security Bureau shares my medical insurance enrolment for this purpose")
      .check();
    await next.click();

    // Stage 2: what departments hold is locked; only the baby's name is asked for.
    await expect(page.getByRole("heading", { name: "Your details" })).toBeFocused();
    await expect(page.getByLabel("Full name")).toHaveAttribute("readonly", "");
    await expect(page.getByText("From your identity record, held by Public Security Bureau").first()).toBeVisible();
    await expect(page.getByRole("textbox", { name: "The baby's name to register" })).toBeEditable();
    await expectNoSeriousA11yViolations(page);
    await next.click();
    // An error summary at the top (focused), and the same problem at the field; its link moves to the field.
    const summary = page.getByTestId("error-summary");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("“The baby's name to register” is empty: fill it in.");
    await expect(page.getByTestId("field-babyName-error")).toContainText(
      "“The baby's name to register” is empty: fill it in.",
    );
    await expectNoSeriousA11yViolations(page);
    await summary.getByRole("link").click();
    await expect(page.getByLabel("The baby's name to register")).toBeFocused();
    await page.getByLabel("The baby's name to register").fill(babyName);
    await next.click();

    // Stage 3: review, then one submit.
    await expect(page.getByTestId("review-babyName")).toHaveText(babyName);
    await expect(page.getByTestId("review")).toContainText("medical birth certificate from Health Commission");
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Submit application" }).click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);

    // Count full page loads from here on: the case must update without one.
    let loads = 0;
    page.on("load", () => loads++);

    for (const key of FETCH_KEYS) {
      await expect(page.getByTestId(`step-${key}`)).toHaveAttribute("data-status", "DONE", { timeout: 90_000 });
    }
    // Nothing reaches an office before she has looked at her records and confirmed them.
    await confirmPreviewOnPage(page);
    const status = page.getByTestId("application-status");
    await expect(status).toHaveAttribute("data-status", "IN_DEPARTMENTS", { timeout: 30_000 });
    await expect(status).toHaveText("With the departments");
    await expect(page.getByTestId("step-household-registration-office")).toHaveText("Public Security Bureau");
    await expect(page.getByTestId("step-household-registration")).toContainText(
      /Deadline: by \d{1,2} [A-Z][a-z]+( \d{4})? \(\d+ working days? left\)/,
    );
    await expect(page.getByTestId("step-social-security-card-office")).toHaveText(
      "Human Resources and Social Security Bureau",
    );

    // Every record with its source and retrieval time; the form prefilled and locked from them.
    for (const recordType of NEWBORN_CONSENTS) await expect(page.getByTestId(`record-${recordType}`)).toBeVisible();
    await expect(page.getByTestId("record-identity").getByTestId("record-source")).toContainText(
      "From Public Security Bureau, retrieved",
    );
    await expect(page.getByTestId("record-birth-certificate").getByTestId("record-source")).toContainText(
      "From Health Commission, retrieved",
    );
    await expect(page.getByTestId("record-marriage").getByTestId("record-source")).toContainText(
      "Civil Affairs Bureau",
    );
    await expect(page.locator("#prefill-fullName")).toHaveValue(/Wang Mei|王美/);
    await expect(page.locator("#prefill-fullName")).toHaveAttribute("readonly", "");
    await expect(page.locator("#typed-babyName")).toHaveValue(babyName);
    expect(loads).toBe(0);
    await expectNoSeriousA11yViolations(page);

    // "This is wrong" on one record sends a dispute to the case.
    await page.getByRole("button", { name: "This is wrong: household registration" }).click();
    await expect(page.getByLabel("What is wrong with your household registration?")).toBeFocused();
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(page.getByText("Say what is wrong first.")).toBeVisible();
    await page.getByLabel("What is wrong with your household registration?").fill("My new address is missing.");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(page.getByTestId("dispute-household-sent")).toContainText(
      "We asked the department that holds this record to correct it",
    );
    await expect(page.getByTestId("case-events")).toContainText("You reported the household registration as wrong", {
      timeout: 10_000,
    });
    expect(loads).toBe(0);
  });

  test("the application API refuses strangers, malformed bodies and bad fields", async ({
    page,
    playwright,
    baseURL,
  }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const unauth = await anonymous.post("/api/applications", {
      data: { applicationId: randomUUID(), serviceCode: NEWBORN, consent: NEWBORN_CONSENTS, fields: NEWBORN_FIELDS },
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
      data: { applicationId: randomUUID(), serviceCode: NEWBORN, consent: ["identity"], fields: NEWBORN_FIELDS },
    });
    expect(partialConsent.status()).toBe(400);
    expect((await partialConsent.json()).error).toMatch(/every record/);

    const noFields = await page.request.post("/api/applications", {
      data: { applicationId: randomUUID(), serviceCode: NEWBORN, consent: NEWBORN_CONSENTS },
    });
    expect(noFields.status()).toBe(400);
    expect((await noFields.json()).error).toBe("fields.babyName: this is required");

    const unknownField = await page.request.post("/api/applications", {
      data: {
        applicationId: randomUUID(),
        serviceCode: NEWBORN,
        consent: NEWBORN_CONSENTS,
        fields: { ...NEWBORN_FIELDS, priceYuan: "1" },
      },
    });
    expect(unknownField.status()).toBe(400);
    expect((await unknownField.json()).error).toMatch(/fields\.priceYuan/);
  });

  test("resubmitting the same form is one application, and another citizen cannot take it over", async ({
    browser,
  }) => {
    const meiContext = await browser.newContext();
    const mei = await meiContext.newPage();
    await signIn(mei, MEI);
    const applicationId = randomUUID();
    const fields = { babyName: aBabyName() };
    const body = { applicationId, serviceCode: NEWBORN, consent: NEWBORN_CONSENTS, fields };
    const created = await mei.request.post("/api/applications", { data: body });
    expect(created.status()).toBe(201);
    expect(await created.json()).toEqual({ applicationId, url: `/applications/${applicationId}` });
    const again = await mei.request.post("/api/applications", { data: body });
    expect(again.status()).toBe(200);
    expect((await (await mei.request.get(`/api/applications/${applicationId}`)).json()).fields).toEqual(fields);
    await meiContext.close();

    const leiContext = await browser.newContext();
    const lei = await leiContext.newPage();
    await signIn(lei, LEI);
    const takeover = await lei.request.post("/api/applications", { data: body });
    expect(takeover.status()).toBe(404);
    await leiContext.close();
  });
});
