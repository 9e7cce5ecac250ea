import { type BrowserContext, expect, request, test } from "@playwright/test";
import { LEI, MEI, signIn, submitNewborn } from "../../support/citizen";

/** A request context of its own that presents only the given cookies (as a stolen cookie would be). */
async function withCookies(baseURL: string, cookies: Awaited<ReturnType<BrowserContext["cookies"]>>) {
  return request.newContext({ baseURL, storageState: { cookies, origins: [] }, maxRedirects: 0 });
}

test("after sign-out, the old session cookie no longer reads the case", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await signIn(page, MEI);
  const applicationId = await submitNewborn(page.request);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);

  // While signed in, the copied cookie does read the case (so the check below can fail).
  const before = await withCookies(baseURL!, cookies);
  expect((await before.get(`/api/applications/${applicationId}`)).status()).toBe(200);
  await before.dispose();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/signin/);

  const after = await withCookies(baseURL!, cookies);
  expect((await after.get(`/api/applications/${applicationId}`)).status()).toBe(401);
  const pageResponse = await after.get(`/applications/${applicationId}`);
  expect(pageResponse.status()).toBe(307);
  expect(pageResponse.headers()["location"]).toMatch(/\/signin/);
  await after.dispose();
});

test("signing out everywhere ends the same person's session in another browser", async ({ browser }) => {
  test.setTimeout(120_000);
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await signIn(a, LEI);
  await signIn(b, LEI);
  const applicationId = await submitNewborn(b.request);
  expect((await b.request.get(`/api/applications/${applicationId}`)).status()).toBe(200);

  await a.goto("/applications");
  await a.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(a).toHaveURL(/\/signin\?reason=everywhere/);
  await expect(a.getByTestId("signed-out-everywhere")).toHaveText(
    "You were signed out on every device. Sign in again to continue.",
  );

  expect((await b.request.get(`/api/applications/${applicationId}`)).status()).toBe(401);
  await b.goto("/applications");
  await expect(b).toHaveURL(/\/signin/);
  await expect(b.getByTestId("signed-in-user")).toHaveCount(0);
  await first.close();
  await second.close();
});
