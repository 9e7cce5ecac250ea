import { expect, test } from "@playwright/test";
import { caseOf, expectNoSeriousA11yViolations, MEI, signIn, submitNewborn } from "../../support/citizen";

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

    await page.goto("/applications");
    const row = page.getByTestId("applications-list").locator("li").filter({ has: page.locator(`a[href="/applications/${applicationId}"]`) });
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
    await expect(page).toHaveURL(/\/applications\?page=2$/);
    await expect(page.getByText(/^Page 2 of \d+$/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Previous page" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    // A page past the end shows the last page, not an error.
    await page.goto("/applications?page=999");
    await expect(page.getByTestId("applications-list").locator("li").first()).toBeVisible();
  });
});
