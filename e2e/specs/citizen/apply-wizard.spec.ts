import { expect, test } from "@playwright/test";
import {
  aBabyName,
  expectNoSeriousA11yViolations,
  MEI,
  NEWBORN,
  NEWBORN_CONSENTS,
  signIn,
} from "../../support/citizen";
import { readChinese } from "../../support/language";

test.describe("the apply wizard", () => {
  test("each stage has its address, Back returns to the stage before, a reload keeps the draft, and Change links go back to the answer", async ({
    page,
  }) => {
    const babyName = aBabyName();
    await signIn(page, MEI);
    await page.goto(`/services/${NEWBORN}`);
    const wizard = page.getByTestId("apply-wizard");
    await expect(wizard).toHaveAttribute("data-stage", "consent");
    for (const box of await page.getByRole("checkbox").all()) await box.check();
    await expect(page.getByRole("checkbox")).toHaveCount(NEWBORN_CONSENTS.length);

    // A reload keeps every consent ticked.
    await page.reload();
    await expect(wizard).toHaveAttribute("data-stage", "consent");
    for (const box of await page.getByRole("checkbox").all()) await expect(box).toBeChecked();

    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(new RegExp(`/services/${NEWBORN}\\?stage=details$`));
    await page.getByLabel("The baby's name to register").fill(babyName);

    // The browser's Back goes to the stage before, not out of the service; Forward comes back with the name kept.
    await page.goBack();
    await expect(wizard).toHaveAttribute("data-stage", "consent");
    await expect(page).toHaveURL(new RegExp(`/services/${NEWBORN}(\\?stage=consent)?$`));
    for (const box of await page.getByRole("checkbox").all()) await expect(box).toBeChecked();
    await page.goForward();
    await expect(wizard).toHaveAttribute("data-stage", "details");
    await expect(page.getByLabel("The baby's name to register")).toHaveValue(babyName);

    // A reload on the details stage keeps both the stage and the draft.
    await page.reload();
    await expect(wizard).toHaveAttribute("data-stage", "details");
    await expect(page.getByLabel("The baby's name to register")).toHaveValue(babyName);
    await page.getByRole("button", { name: "Continue" }).click();

    // Check your answers: each answer with a Change link to where it was given.
    await expect(page).toHaveURL(/\?stage=review$/);
    await expect(page.getByTestId("review-babyName")).toHaveText(babyName);
    await expectNoSeriousA11yViolations(page);
    await page.getByTestId("change-babyName").getByRole("link").click();
    await expect(page).toHaveURL(/\?stage=details$/);
    await expect(page.getByLabel("The baby's name to register")).toBeFocused();
    await page.getByLabel("The baby's name to register").fill(`${babyName}乙`);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByTestId("review-babyName")).toHaveText(`${babyName}乙`);
    await page.getByTestId("change-consent").getByRole("link").click();
    await expect(wizard).toHaveAttribute("data-stage", "consent");

    // The in-page Back link works as the browser's does.
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(wizard).toHaveAttribute("data-stage", "details");
    await page.getByRole("link", { name: "Back", exact: true }).click();
    await expect(wizard).toHaveAttribute("data-stage", "consent");

    // An address for a stage the answers do not allow yet shows the one that needs work.
    await page.getByRole("checkbox").first().uncheck();
    await page.goto(`/services/${NEWBORN}?stage=review`);
    await expect(wizard).toHaveAttribute("data-stage", "consent");
    await expect(page).toHaveURL(/\?stage=consent$/);
  });

  test("in Chinese on a phone: the error summary and each field's message", async ({ page }) => {
    await signIn(page, MEI);
    await readChinese(page);
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`/services/${NEWBORN}`);
    for (const box of await page.getByRole("checkbox").all()) await box.check();
    await page.getByRole("button", { name: "下一步" }).click();
    await page.getByRole("button", { name: "下一步" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("存在问题");
    await expect(page.getByTestId("error-summary")).toContainText("请填写“新生儿登记姓名”。");
    await expect(page.getByTestId("field-babyName-error")).toContainText("请填写“新生儿登记姓名”。");
    expect(await page.locator("html").evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousA11yViolations(page);
  });

  test("school enrolment asks which child", async ({ page }) => {
    await signIn(page, MEI);
    await page.goto("/services/school-enrolment");
    for (const box of await page.getByRole("checkbox").all()) await box.check();
    await page.getByRole("button", { name: "Continue" }).click();
    const child = page.getByRole("textbox", { name: "Which child: their name as on the household register" });
    await expect(child).toBeEditable();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByTestId("error-summary")).toContainText(
      "“Which child: their name as on the household register” is empty: fill it in.",
    );
    await child.fill("周小明");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByTestId("review-childName")).toHaveText("周小明");
    await expectNoSeriousA11yViolations(page);
  });
});
