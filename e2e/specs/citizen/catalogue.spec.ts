import { expect, test } from "@playwright/test";
import { SERVICES } from "@visit-once/workflows/contracts";
import { expectNoSeriousA11yViolations, MEI, signIn } from "../../support/citizen";

/** Every service in the catalogue is listed. */
const EVERY_SERVICE = Object.keys(SERVICES).length;

test.describe("service catalogue", () => {
  test("searching filters the services in either language, with an empty state", async ({ page }) => {
    await signIn(page, MEI);
    await page.goto("/services");
    const cards = page.getByRole("main").getByRole("listitem");
    await expect(cards).toHaveCount(EVERY_SERVICE);
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel("Search services").fill("business");
    await page.getByLabel("Search services").press("Enter");
    await expect(page).toHaveURL(/\/services\?q=business$/);
    await expect(cards).toHaveCount(1);
    await expect(cards.first()).toContainText("Start a business");
    await expect(page.getByText("1 service matches “business”.")).toBeVisible();

    // Chinese words find the same services.
    await page.goto(`/services?q=${encodeURIComponent("入学")}`);
    await expect(cards).toHaveCount(1);
    await expect(cards.first()).toContainText("Enrol a child in school");

    await page.goto("/services?q=passport");
    await expect(page.getByTestId("services-empty")).toContainText("No services match your search");
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("link", { name: "Show all services" }).click();
    await expect(cards).toHaveCount(EVERY_SERVICE);
  });

  test("pages have plain-language empty and not-found states and work on a phone", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await signIn(page, MEI);
    const missing = await page.goto("/services/no-such-service");
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await page.goto("/services/newborn-registration");
    const width = await page.locator("html").evaluate((html) => html.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    // Keyboard: the first consent box is reachable with Tab and ticks with Space.
    const first = page.getByRole("checkbox").first();
    await first.focus();
    await page.keyboard.press("Space");
    await expect(first).toBeChecked();
    await expectNoSeriousA11yViolations(page);
  });

  test("a visitor who is not signed in sees the start page and can sign in", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Visit Once: apply once, online");
    await expectNoSeriousA11yViolations(page);
    await page.goto("/services");
    await expect(page).toHaveURL(/\/signin/);
    await expectNoSeriousA11yViolations(page);
  });
});
