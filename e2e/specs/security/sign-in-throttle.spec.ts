import { randomInt, randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";

// Each run is a stranger of its own: a fresh email and client address (X-Forwarded-For, the
// nearest hop the web trusts with VO_TRUSTED_PROXIES=0), so the journeys are never throttled.
const address = `198.51.100.${randomInt(1, 255)}`;
const email = `guess-${randomUUID()}@example.test`;
test.use({ extraHTTPHeaders: { "x-forwarded-for": address } });

/** One sign-in through next-auth's own endpoints, as its client sends it. */
async function attempt(request: APIRequestContext, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: "/", json: "true" },
    maxRedirects: 0,
  });
}

test("repeated wrong passwords lock the account for a growing time: 429 with Retry-After, a plain message on the page", async ({
  page,
}) => {
  test.setTimeout(90_000);
  // Five free failures (the e2e stack keeps the defaults), then 2 s, 4 s, 8 s …
  for (let i = 0; i < 5; i++) expect((await attempt(page.request, `wrong-${i}`)).status()).not.toBe(429);
  let retryAfter = 0;
  for (let failures = 6; retryAfter < 8; failures++) {
    expect((await attempt(page.request, `wrong-${failures}`)).status()).not.toBe(429);
    const locked = await attempt(page.request, "still-wrong");
    expect(locked.status()).toBe(429);
    const wait = Number(locked.headers()["retry-after"]);
    expect(wait).toBeGreaterThan(retryAfter); // the lock grows
    retryAfter = wait;
    const body = (await locked.json()) as { error: string; url: string };
    expect(body.error).toMatch(/Too many requests[\s\S]*请求过于频繁/);
    expect(new URL(body.url).searchParams.get("error")).toBe("Throttled");
    if (retryAfter < 8) await page.waitForTimeout(retryAfter * 1000 + 200);
  }

  // While locked, even a sign-in from the page is refused, in plain words.
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("any-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#signin-error")).toHaveText(
    "Too many sign-in attempts. For your safety, please wait a few minutes before trying again.",
  );
  await expect(page).toHaveURL(/\/signin/);
});
