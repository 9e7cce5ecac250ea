import { expect, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD, MEI } from "../../support/citizen";
import { CASEWORKER, freshCode } from "../../support/staff";

/** Every URL the page asks for, to prove the password never travels in one. */
function recordUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  return urls;
}

async function submitPassword(page: Page, email: string, password: string, submit = "Sign in") {
  await page.getByLabel(/^(Email|邮箱)/).fill(email);
  await page.getByLabel(/^(Password|密码)/).fill(password);
  await page.getByRole("button", { name: submit }).click();
}

test("without JavaScript the sign-in form posts, signs in and goes where it was asked, with no password in any URL", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const urls = recordUrls(page);
  await page.goto("/signin?callbackUrl=%2Fapplications");
  expect(await page.locator("form").first().getAttribute("method")).toMatch(/^post$/i);

  await submitPassword(page, MEI, "not-the-password");
  await expect(page.locator("p[role=alert]")).toHaveText("Email or password is not right");

  await submitPassword(page, MEI, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/applications$/);
  await expect(page.getByTestId("signed-in-user")).toContainText("Wang Mei");
  expect(urls.length).toBeGreaterThan(2);
  for (const url of urls) {
    expect(url).not.toContain(DEMO_PASSWORD);
    expect(url).not.toContain("not-the-password");
  }
  await context.close();
});

test("without JavaScript a member of staff gives their code after the password; the errors are in Chinese too", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN" });
  const page = await context.newPage();
  const urls = recordUrls(page);
  await page.goto("/signin");
  await submitPassword(page, CASEWORKER, "not-the-password", "登录");
  await expect(page.locator("p[role=alert]")).toHaveText("邮箱或密码不正确");
  await submitPassword(page, CASEWORKER, DEMO_PASSWORD, "登录");
  await expect(page).toHaveURL(/\/signin\/code/);
  await expect(page.getByRole("heading", { name: "输入登录验证码" })).toBeVisible();

  await page.getByRole("button", { name: "继续" }).click();
  // `required` stops an empty submission in the browser; a wrong code reaches the server.
  await page.getByLabel("验证码", { exact: true }).fill("000000");
  await page.getByRole("button", { name: "继续" }).click();
  await expect(page.locator("p[role=alert]")).toHaveText(/验证码不正确/);

  await page.getByLabel("验证码", { exact: true }).fill(await freshCode(CASEWORKER));
  await page.getByRole("button", { name: "继续" }).click();
  await expect(page).toHaveURL(/\/staff/);
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
  for (const url of urls) expect(url).not.toContain(DEMO_PASSWORD);
  await context.close();
});
