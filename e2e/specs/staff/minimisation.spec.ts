// Field-level minimisation in the workbench: each office is shown only the fields its step
// needs, and a step only once it has reached the office; a caseworker only the records the
// exception concerns.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { SERVICES } from "@visit-once/workflows/contracts";
import { confirmWhenAsked, MEI, signedInPage, submitNewborn } from "../../support/citizen";
import {
  CASEWORKER,
  expectNotFound,
  officer,
  STAFF_NEWBORN_FIELDS,
  taskUrl,
  waitForConflict,
  waitForTask,
  ZHOU,
} from "../../support/staff";

const WU = "wu@demo.visit-once.local";
const BANK_ACCOUNT = "6222020200112233445";

test("the Medical Security officer's retirement task does not show the pension's bank account; the pension office's does", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const wu = await signedInPage(browser, WU);
  // Before applying, the citizen reads what each office will be shown.
  await wu.goto("/services/retirement");
  await expect(wu.getByTestId("who-sees-pension-approval")).toContainText("Bank account for the pension");
  await expect(wu.getByTestId("who-sees-medical-insurance-change")).toContainText("Scheme");
  await expect(wu.getByTestId("who-sees-medical-insurance-change")).not.toContainText("Bank account");
  const applicationId = randomUUID();
  const consent = SERVICES.retirement.evidence.map((e) => e.recordType);
  const res = await wu.request.post("/api/applications", {
    data: { applicationId, serviceCode: "retirement", consent, fields: { bankAccount: BANK_ACCOUNT } },
  });
  expect(res.status(), await res.text()).toBe(201);
  confirmWhenAsked(wu.request, applicationId);

  const medical = await signedInPage(browser, officer("medical-security"));
  await waitForTask(medical, applicationId, "medical-insurance-change");
  await medical.goto(taskUrl(applicationId, "medical-insurance-change"));
  await expect(medical.getByRole("heading", { level: 1 })).toHaveText("Medical insurance change");
  await expect(medical.getByTestId("evidence-medical-insurance")).toContainText("Scheme");
  // Not the typed bank account, not the contribution record, not the insured's address: not even in the HTML.
  await expect(medical.getByTestId("citizen-fields")).toHaveCount(0);
  await expect(medical.getByTestId("evidence-social-insurance")).toHaveCount(0);
  await expect(medical.getByTestId("evidence-medical-insurance")).not.toContainText("Residential address");
  expect(await medical.content()).not.toContain(BANK_ACCOUNT);

  const pension = await signedInPage(browser, officer("human-resources"));
  await waitForTask(pension, applicationId, "pension-approval");
  await pension.goto(taskUrl(applicationId, "pension-approval"));
  // Masked (the last four) until the officer reveals it on purpose.
  const account = pension.getByTestId("citizen-fields").getByTestId("revealable-bankAccount");
  await expect(account.getByTestId("shown-value")).toHaveText("***************3445");
  expect(await pension.content()).not.toContain(BANK_ACCOUNT);
  await account.getByRole("button").click();
  await expect(account.getByTestId("shown-value")).toHaveText(BANK_ACCOUNT);
  await expect(pension.getByTestId("evidence-social-insurance")).toContainText("Months of contributions");
  await expect(pension.getByTestId("evidence-medical-insurance")).toHaveCount(0);
});

test("a task page of a step that has not reached the office yet is not there", async ({ browser }) => {
  test.setTimeout(240_000);
  const applicationId = await submitNewborn((await signedInPage(browser, MEI)).request, STAFF_NEWBORN_FIELDS);
  // Household registration comes first; medical insurance enrolment waits for its approval.
  await waitForTask(await signedInPage(browser, officer("public-security")), applicationId);
  const medical = await signedInPage(browser, officer("medical-security"));
  await expectNotFound(medical, taskUrl(applicationId, "medical-insurance-enrolment"));
  await medical.goto("/staff/tasks");
  await expect(medical.locator(`tr[data-application-id="${applicationId}"]`)).toHaveCount(0);
});

test("a caseworker's exception page shows only the records the exception concerns", async ({ browser }) => {
  test.setTimeout(240_000);
  const applicationId = await submitNewborn((await signedInPage(browser, ZHOU)).request, STAFF_NEWBORN_FIELDS);
  const caseworker = await signedInPage(browser, CASEWORKER);
  const exceptionId = await waitForConflict(caseworker, applicationId);
  await caseworker.goto(`/staff/exceptions/${exceptionId}`);
  await expect(
    caseworker.getByText("Only the records this exception concerns are shown, not the rest of the case."),
  ).toBeVisible();
  await expect(caseworker.getByTestId("evidence-identity")).toBeVisible();
  await expect(caseworker.getByTestId("evidence-medical-insurance")).toBeVisible();
  // The household register holds her name too (as a member), so it is one of the conflict's sources; the birth and marriage records are not.
  await expect(caseworker.getByTestId("evidence-household")).toBeVisible();
  for (const record of ["birth-certificate", "marriage"])
    await expect(caseworker.getByTestId(`evidence-${record}`)).toHaveCount(0);
});
