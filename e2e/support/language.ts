import type { Page } from "@playwright/test";

/** Makes the page's context read Chinese (the language switch's own cookie). */
export async function readChinese(page: Page): Promise<void> {
  const url = new URL(
    page.url() === "about:blank" ? (process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000") : page.url(),
  );
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: url.origin }]);
}
