// The whole product in one case, each role in its own browser session: a citizen applies
// once with a record two departments disagree on; a caseworker settles it; the three
// offices decide their steps in turn in the workbench; the citizen downloads the
// certificate; anyone verifies its code.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import {
  aBabyName,
  confirmPreviewOnPage,
  expectNoSeriousA11yViolations,
  NEWBORN,
  NEWBORN_CONSENTS,
  signedInPage,
} from "../../support/citizen";
import { CASEWORKER, officer, ZHOU } from "../../support/staff";

const STEPS = [
  {
    key: "household-registration",
    office: "public-security",
    title: "Household registration",
  },
  {
    key: "medical-insurance-enrolment",
    office: "medical-security",
    title: "Medical insurance enrolment",
  },
  {
    key: "social-security-card",
    office: "human-resources",
    title: "Social security card",
  },
] as const;

test("a citizen applies with a conflicting record → a caseworker resolves it → the offices approve → the citizen downloads the certificate and anyone verifies it", async ({
  browser,
}) => {
  test.setTimeout(300_000);

  // The citizen applies once, through the pages.
  const zhou = await signedInPage(browser, ZHOU);
  await zhou.goto(`/services/${NEWBORN}`);
  for (const box of await zhou.getByRole("checkbox").all()) await box.check();
  await expect(zhou.getByRole("checkbox")).toHaveCount(NEWBORN_CONSENTS.length);
  await zhou.getByRole("button", { name: "Continue" }).click();
  // Her own baby's name: a retry of this journey is another baby, not a second open application.
  const babyName = aBabyName("周小宝");
  await zhou.getByLabel("The baby's name to register").fill(babyName);
  await zhou.getByRole("button", { name: "Continue" }).click();
  await zhou.getByRole("button", { name: "Submit application" }).click();
  await zhou.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
  const applicationId = zhou.url().split("/").pop()!;
  // She looks at the records retrieved for her, then lets the case go on.
  await confirmPreviewOnPage(zhou);
  await expect(zhou.getByTestId("application-status")).toHaveAttribute("data-status", "AWAITING_CASEWORKER", {
    timeout: 90_000,
  });

  // A caseworker finds the conflict in the queue and chooses the authoritative name.
  const caseworker = await signedInPage(browser, CASEWORKER);
  await caseworker.goto("/staff/exceptions?kind=CONFLICT");
  const row = caseworker.locator(`tr[data-application-id="${applicationId}"]`);
  await expect(row).toBeVisible({ timeout: 60_000 });
  await row.getByRole("link", { name: "Records disagree" }).click();
  // One choice of what to do; choosing it reveals its fields.
  await caseworker.getByRole("radio", { name: /^Choose the authoritative value/ }).check();
  const choose = caseworker.getByTestId("resolve-choose-value");
  await choose.getByRole("radio", { name: /周敏/ }).check();
  await choose.getByLabel("Justification").fill("The identity record held by Public Security is the legal name.");
  await caseworker.getByRole("button", { name: "Use this value" }).click();
  await expect(caseworker.getByTestId("exception-status")).toHaveAttribute("data-status", "RESOLVED");
  await expectNoSeriousA11yViolations(caseworker);

  // Each office decides its step when the one before it is approved; the citizen watches.
  for (const step of STEPS) {
    const officerPage = await signedInPage(browser, officer(step.office));
    const task = officerPage.locator(`tr[data-application-id="${applicationId}"][data-step="${step.key}"]`);
    await expect(task).toBeVisible({ timeout: 60_000 });
    await task.getByRole("link", { name: step.title }).click();
    // What the citizen typed reaches the office with the granted evidence.
    await expect(officerPage.getByTestId("citizen-fields")).toContainText(babyName);
    await officerPage.getByRole("radio", { name: "Approve", exact: true }).check();
    await officerPage.getByRole("button", { name: "Approve the step" }).click();
    await expect(officerPage.getByTestId("step-status")).toHaveAttribute("data-status", "DONE");
    await expect(zhou.getByTestId(`step-${step.key}`)).toHaveAttribute("data-status", "DONE", { timeout: 30_000 });
    // A second decision is refused, in the reader's language.
    if (step === STEPS[0]) {
      const again = await officerPage.request.post(`/api/applications/${applicationId}/actions`, {
        headers: {
          "Idempotency-Key": randomUUID(),
          "Accept-Language": "zh-CN",
        },
        data: {
          action: "decide",
          stepKey: step.key,
          decision: "reject",
          reason: "x",
        },
      });
      expect(again.status()).toBe(409);
      expect((await again.json()).error).toBe("“户口登记”当前不在待审批状态：已办结。");
    }
    await officerPage.context().close();
  }

  // The citizen's case completes by itself; she downloads the household register page.
  await expect(zhou.getByTestId("application-status")).toHaveAttribute("data-status", "COMPLETED", { timeout: 60_000 });
  const document = zhou.getByTestId("document-household-page");
  const code = (await document.getByTestId("verification-code").textContent())!.trim();
  expect(code).toMatch(/^VO(-[0-9A-HJKMNP-TV-Z]{4}){6}$/);
  const pdf = await zhou.request.get(`/api/documents/${code}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  await expectNoSeriousA11yViolations(zhou);

  // Anyone can check the code, without signing in.
  const visitor = await browser.newContext().then((c) => c.newPage());
  await visitor.goto(`/verify/${code}`);
  await expect(visitor.getByTestId("verify-result")).toHaveAttribute("data-valid", "valid");
  await expect(visitor.getByTestId("verify-result")).toContainText("Household register page");
  expect(await visitor.locator("main").innerText()).not.toContain("周敏");
});
