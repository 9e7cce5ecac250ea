import { expect, test } from "@playwright/test";
import { database } from "../../support/accounts";
import {
  decideAsOfficer,
  expectNoSeriousA11yViolations,
  MEI,
  signedInPage,
  submitNewborn,
} from "../../support/citizen";

test.describe("when a department needs more", () => {
  test("a citizen answers a department's request for a correction on the case page", async ({ browser }) => {
    test.setTimeout(150_000);
    const mei = await signedInPage(browser, MEI);
    const applicationId = await submitNewborn(mei.request);
    await mei.goto(`/applications/${applicationId}`);
    await decideAsOfficer(
      browser,
      mei.request,
      applicationId,
      "household-registration",
      "request-correction",
      "Please confirm the spelling of the baby's name.",
    );

    // The question arrives live, with its due date; the step says it waits for the citizen.
    await expect(mei.getByRole("heading", { name: "Questions for you" })).toBeVisible({ timeout: 10_000 });
    const request = mei.locator('[data-testid^="request-"]');
    await expect(request).toHaveCount(1);
    await expect(request).toContainText("Please confirm the spelling of the baby's name.");
    // A day in Beijing with the working days left, never a time of day.
    await expect(request).toContainText(/Answer by \d{1,2} [A-Z][a-z]+( \d{4})? \(\d+ working days? left\)/);
    await expect(mei.getByTestId("step-household-registration-status")).toContainText("Waiting for you");
    await expectNoSeriousA11yViolations(mei);

    await request.getByRole("button", { name: "Send answer" }).click();
    await expect(request.getByText("Write your answer first.")).toBeVisible();
    await request.getByLabel("Your answer").fill("The spelling 王小宝 is right.");
    await request.getByRole("button", { name: "Send answer" }).click();
    await expect(mei.getByText("Your answer: The spelling 王小宝 is right.")).toBeVisible({ timeout: 10_000 });
    await expect(mei.getByText("Answered", { exact: true })).toBeVisible();
    await expect(mei.getByRole("button", { name: "Send answer" })).toHaveCount(0);
    await mei.context().close();
  });

  test("a refused case says why, in plain words, and offers a review before it closes", async ({ browser }) => {
    test.setTimeout(150_000);
    const mei = await signedInPage(browser, MEI);
    const applicationId = await submitNewborn(mei.request);
    await decideAsOfficer(
      browser,
      mei.request,
      applicationId,
      "household-registration",
      "reject",
      "The household is registered in another city.",
    );
    // The refusal is offered once the case has written it.
    await expect
      .poll(async () => await database().caseReview.count({ where: { applicationId } }), { timeout: 30_000 })
      .toBe(1);
    await mei.goto(`/applications/${applicationId}`);
    // The refusal stays open for a review (复核); the closed case's reasons come after it (specs/journeys/refusal-review).
    const refusal = mei.getByTestId("refusal");
    await expect(refusal).toBeVisible({ timeout: 10_000 });
    await expect(refusal).toContainText("The household is registered in another city.");
    await expect(refusal.getByTestId("refusal-rule")).toHaveText("the conditions of Household registration");
    await expect(refusal.getByTestId("review-status")).toContainText("You may ask for a review until");
    await expectNoSeriousA11yViolations(mei);
    await mei.context().close();
  });
});
