import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { englishWords, readInChinese } from "../../support/chinese-pages";
import { expectNoSeriousA11yViolations, MEI, signedInPage, submitNewborn } from "../../support/citizen";
import { breakCaseHistory } from "../../support/database";

// The error pages are the site's own, in the reader's language, with a title and `lang`, and pass axe.

async function expectBrandedPage(page: Page, lang: "zh-CN" | "en", title: RegExp): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page).toHaveTitle(title);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  if (lang === "zh-CN") expect(await englishWords(page)).toEqual([]);
  await expectNoSeriousA11yViolations(page);
}

test("an address that leads nowhere answers the site's 404 page, in Chinese and in English", async ({ browser }) => {
  for (const [locale, title, heading] of [
    ["zh-CN", /页面不存在 · 一次办/, "页面不存在"],
    ["en", /Page not found · Visit Once/, "Page not found"],
  ] as const) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const res = await page.goto(`/no-such-page-${randomUUID()}`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expectBrandedPage(page, locale, title);
    await context.close();
  }
});

test("a case that is not hers answers the same 404 page", async ({ browser }) => {
  const page = await signedInPage(browser, MEI);
  await readInChinese(page);
  await page.goto(`/applications/${randomUUID()}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面不存在");
  await expectBrandedPage(page, "zh-CN", /一次办/);
});

test("a page that fails on the server shows the site's error page, in Chinese, with a way on", async ({ browser }) => {
  const page = await signedInPage(browser, MEI);
  const applicationId = await submitNewborn(page.request);
  await readInChinese(page);
  const repair = await breakCaseHistory(applicationId);
  try {
    await page.goto(`/applications/${applicationId}`);
    await expect(page.getByRole("alert").getByRole("heading", { level: 1 })).toHaveText("出错了");
    await expect(page.getByRole("link", { name: "返回首页" })).toBeVisible();
    await expectBrandedPage(page, "zh-CN", /一次办/);
  } finally {
    await repair();
  }
  // The case itself is untouched: with the line gone, the page shows it again.
  await page.goto(`/applications/${applicationId}`);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("出错了");
});
