import { expect, test } from "@playwright/test";
import {
  caseOf,
  decideAsOfficer,
  expectNoSeriousA11yViolations,
  MEI,
  signIn,
  signedInPage,
  submitNewborn,
} from "../../support/citizen";
import { readChinese } from "../../support/language";

test.describe("my applications", () => {
  test("a citizen withdraws an application after confirming, and the list shows it in words", async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page, MEI);
    const applicationId = await submitNewborn(page.request);
    // On a phone: nothing wider than the screen once the records are in.
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`/applications/${applicationId}`);
    await expect(page.getByTestId("record-identity")).toBeVisible({ timeout: 60_000 });
    expect(await page.locator("html").evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(375);

    const withdraw = page.getByRole("button", { name: "Withdraw application" });
    await withdraw.click();
    await expect(page.getByRole("heading", { name: "Withdraw this application?" })).toBeFocused();
    await expectNoSeriousA11yViolations(page);
    // Changing one's mind changes nothing.
    await page.getByRole("button", { name: "Keep my application" }).click();
    await expect(withdraw).toBeFocused();
    expect((await caseOf(page.request, applicationId)).status).not.toBe("CANCELLED");

    await withdraw.click();
    await page.getByLabel("Why are you withdrawing? (optional)").fill("We applied at the hospital instead.");
    await page.getByRole("button", { name: "Yes, withdraw" }).click();
    const status = page.getByTestId("application-status");
    await expect(status).toHaveAttribute("data-status", "CANCELLED", { timeout: 20_000 });
    await expect(status).toHaveText("Withdrawn");
    await expect(page.getByTestId("case-reasons")).toContainText("We applied at the hospital instead.");
    await expect(withdraw).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    // A withdrawn application is finished: it is under 已办结 / Finished, not in progress.
    await page.goto("/applications");
    await expect(page.locator(`a[href="/applications/${applicationId}"]`)).toHaveCount(0);
    await page.getByTestId("tab-finished").click();
    await expect(page).toHaveURL(/\/applications\?tab=finished$/);
    const row = page
      .getByTestId("applications-list")
      .locator("li")
      .filter({ has: page.locator(`a[href="/applications/${applicationId}"]`) });
    await expect(row.getByTestId("status-badge")).toHaveText("Withdrawn");
    await expectNoSeriousA11yViolations(page);
  });

  test("the list is paged on the server", async ({ page }) => {
    await signIn(page, MEI);
    // Enough applications for a second page whatever ran before.
    for (let i = 0; i < 11; i++) await submitNewborn(page.request);
    await page.goto("/applications");
    await expect(page.getByTestId("applications-list").locator("li")).toHaveCount(10);
    await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();
    await page.getByRole("link", { name: "Next page" }).click();
    await expect(page).toHaveURL(/\/applications\?tab=in-progress&page=2$/);
    await expect(page.getByText(/^Page 2 of \d+$/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Previous page" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    // A page past the end shows the last page, not an error.
    await page.goto("/applications?page=999");
    await expect(page.getByTestId("applications-list").locator("li").first()).toBeVisible();
  });

  test("tabs split in progress, action needed and finished; each row has its reference, current step and due date", async ({
    browser,
  }) => {
    test.setTimeout(150_000);
    const mei = await signedInPage(browser, MEI);
    const applicationId = await submitNewborn(mei.request);
    await decideAsOfficer(
      browser,
      mei.request,
      applicationId,
      "household-registration",
      "request-correction",
      "Please confirm the baby's name.",
    );

    await mei.goto("/applications?tab=action-needed");
    await expect(mei.getByTestId("tab-action-needed")).toHaveAttribute("aria-current", "page");
    const row = mei.getByTestId(`application-${applicationId}`);
    await expect(row.getByTestId("row-reference")).toHaveText(applicationId);
    await expect(row.getByTestId("row-step")).toHaveText("Household registration");
    await expect(row).toContainText("Answer by:");
    await expect(row.getByTestId("row-due")).toContainText(/\d{4}/);
    await expect(row.getByTestId("row-due")).not.toContainText(/\d{1,2}:\d{2}/);
    await expectNoSeriousA11yViolations(mei);

    // Answered, it goes back to in progress.
    await mei.goto(`/applications/${applicationId}`);
    await mei.getByLabel("Your answer").fill("The name is right.");
    await mei.getByRole("button", { name: "Send answer" }).click();
    await expect(mei.getByText("Your answer: The name is right.")).toBeVisible({ timeout: 10_000 });
    await mei.goto("/applications?tab=action-needed");
    await expect(mei.getByTestId(`application-${applicationId}`)).toHaveCount(0);
    await mei.goto("/applications?tab=in-progress");
    await expect(mei.getByTestId(`application-${applicationId}`)).toBeVisible();

    // In Chinese on a phone: the three tabs by their 浙里办 names, nothing wider than the screen.
    await readChinese(mei);
    await mei.setViewportSize({ width: 390, height: 800 });
    await mei.goto("/applications");
    await expect(mei.getByTestId("tab-in-progress")).toContainText("办理中");
    await expect(mei.getByTestId("tab-action-needed")).toContainText("待补正");
    await expect(mei.getByTestId("tab-finished")).toContainText("已办结");
    await expect(mei.getByTestId(`application-${applicationId}`)).toContainText("办件编号");
    expect(await mei.locator("html").evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousA11yViolations(mei);
    await mei.context().close();
  });
});
