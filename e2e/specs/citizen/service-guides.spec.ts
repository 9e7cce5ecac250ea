import { expect, test } from "@playwright/test";
import { SERVICES } from "@visit-once/workflows/contracts";
import { expectNoSeriousA11yViolations } from "../../support/citizen";
import { readChinese } from "../../support/language";

/** Every service in the catalogue is listed. */
const EVERY_SERVICE = Object.keys(SERVICES).length;

test.describe("public service guides (办事指南)", () => {
  test("before sign-in, a guide says who can apply, the records used and why, the time limit, the cost and what you get", async ({
    page,
  }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Read the service guides" }).click();
    await expect(page).toHaveURL(/\/guides$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Service guides");
    await expect(page.getByTestId("guides-list").locator("li")).toHaveCount(EVERY_SERVICE);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("link", { name: "Retire" }).click();
    await expect(page).toHaveURL(/\/guides\/retirement$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Retire");
    // Its two steps run side by side: the longer one, 20 working days, is the time limit.
    await expect(page.getByTestId("guide-time-limit")).toContainText("20 working days");
    await expect(page.getByTestId("guide-cost")).toHaveText("Free of charge");
    await expect(page.getByTestId("guide-who")).toContainText("Women aged 55 or older, men aged 60 or older");
    await expect(page.getByTestId("guide-who")).toContainText("of at least 180");
    await expect(page.getByTestId("guide-record-identity")).toContainText("Confirm your age");
    await expect(page.getByTestId("guide-record-social-insurance")).toContainText(
      "Count your contribution years for the pension",
    );
    await expect(page.getByTestId("guide-outcomes")).toContainText("Pension approval notice");
    await expectNoSeriousA11yViolations(page);

    // Applying needs a sign-in, which then comes back to the service.
    await expect(page.getByTestId("guide-start")).toHaveText("Sign in to apply");
    await expect(page.getByTestId("guide-start")).toHaveAttribute(
      "href",
      "/signin?callbackUrl=%2Fservices%2Fretirement",
    );

    // A guide that does not exist is a real 404.
    expect((await page.request.get("/guides/no-such-service")).status()).toBe(404);
  });

  test("in Chinese on a phone", async ({ page }) => {
    await readChinese(page);
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto("/guides/school-enrolment");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("义务教育入学“一件事”");
    await expect(page.getByTestId("guide-time-limit")).toContainText("15个工作日");
    await expect(page.getByTestId("guide-cost")).toHaveText("不收费");
    await expect(page.getByTestId("guide-record-vaccination")).toContainText("查验预防接种情况");
    await expect(page.getByTestId("guide-outcomes")).toContainText("入学通知书");
    expect(await page.locator("html").evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousA11yViolations(page);
  });
});
