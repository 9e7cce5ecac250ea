import { expect, test } from "@playwright/test";
import { decideAsOfficer, expectNoSeriousA11yViolations, MEI, signedInPage, submitNewborn } from "../../support/citizen";

test.describe("when a department needs more", () => {
  test("a citizen answers a department's request for a correction on the case page", async ({ browser }) => {
    test.setTimeout(150_000);
    const mei = await signedInPage(browser, MEI);
    const applicationId = await submitNewborn(mei.request);
    await mei.goto(`/applications/${applicationId}`);
    await decideAsOfficer(browser, mei.request, applicationId, "household-registration", "request-correction", "Please confirm the spelling of the baby's name.");

    // The question arrives live, with its due date; the step says it waits for the citizen.
    await expect(mei.getByRole("heading", { name: "Questions for you" })).toBeVisible({ timeout: 10_000 });
    const request = mei.locator('[data-testid^="request-"]');
    await expect(request).toHaveCount(1);
    await expect(request).toContainText("Please confirm the spelling of the baby's name.");
    await expect(request).toContainText(/Answer by .*\d{4}/);
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

  test("a rejected case says why, in plain words", async ({ browser }) => {
    test.setTimeout(150_000);
    const mei = await signedInPage(browser, MEI);
    const applicationId = await submitNewborn(mei.request);
    await decideAsOfficer(browser, mei.request, applicationId, "household-registration", "reject", "The household is registered in another city.");
    await mei.goto(`/applications/${applicationId}`);
    await expect(mei.getByTestId("application-status")).toHaveText("Not approved", { timeout: 10_000 });
    await expect(mei.getByTestId("case-reasons")).toContainText("The household is registered in another city.");
    await expect(mei.getByRole("button", { name: "Withdraw application" })).toHaveCount(0);
    await expectNoSeriousA11yViolations(mei);
    await mei.context().close();
  });
});
