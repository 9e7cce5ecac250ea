import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, MEI, signIn } from "../../support/citizen";

test("a citizen switches to Chinese and the portal speaks Chinese", async ({ page }) => {
  await signIn(page, MEI);
  await page.goto("/services");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("办事服务");
  await expect(page.getByRole("link", { name: "新生儿出生“一件事”" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.getByRole("link", { name: "新生儿出生“一件事”" }).click();
  await expect(page.getByLabel("我同意公安局为此用途共享我的身份信息")).toBeVisible();
  // What each office will see, in Chinese too.
  await expect(page.getByRole("heading", { name: "各部门可查看的信息" })).toBeVisible();
  await expect(page.getByTestId("who-sees-medical-insurance-enrolment")).toContainText("医保参保登记");
  await expectNoSeriousA11yViolations(page);
  await page.goto("/applications");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的办件");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My applications");
});
