import { expect, test } from "@playwright/test";
import { MEI, signedInPage } from "../../support/citizen";

// Known open-redirect payloads (PayloadsAllTheThings-style), as a signed-in person's
// `/signin?callbackUrl=…` and as next-auth's own callbackUrl: every redirect stays here.

const PAYLOADS = [
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "/\t/evil.example",
  "/%09/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/%0d%0a/evil.example",
  "/ /evil.example",
  "/\uff0f/evil.example",
  "\uff0f\uff0fevil.example",
  "/%2f%2fevil.example",
  "%2f%2fevil.example",
  "/%5cevil.example",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "https:evil.example",
  "https://evil.example",
  "//evil.example@127.0.0.1",
  "@evil.example",
  "evil.example",
  "/\u0000/evil.example",
  "/é",
];

test("every /signin redirect of a signed-in person stays on this origin, and answers no 5xx", async ({
  browser,
  baseURL,
}) => {
  const mei = await signedInPage(browser, MEI);
  const origin = new URL(baseURL!).origin;
  const escaped: string[] = [];
  for (const payload of PAYLOADS) {
    // Once as a browser would encode it, once with only what must be escaped in a query.
    for (const query of [encodeURIComponent(payload), payload.replace(/[&#%+ ]/g, encodeURIComponent)]) {
      const res = await mei.request.get(`/signin?callbackUrl=${query}`, { maxRedirects: 0 });
      expect(res.status(), query).toBeLessThan(500);
      expect([303, 307, 308], query).toContain(res.status());
      const location = res.headers()["location"] ?? "";
      expect(location, `${query}: no control characters`).not.toMatch(/[^\x20-\x7e]|\\/);
      if (new URL(location, baseURL).origin !== origin) escaped.push(`${query} → ${location}`);
    }
  }
  expect(escaped).toEqual([]);
  // The reproduction, in Chromium: the browser ends up on our origin.
  await mei.goto("/signin?callbackUrl=%2F%09%2Fevil.example");
  expect(new URL(mei.url()).origin).toBe(origin);
  await mei.context().close();
});

test("next-auth's callbackUrl is held to the same rule", async ({ playwright, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const payload of ["//evil.example", "https://evil.example/", "/\t/evil.example", "javascript:alert(1)"]) {
    const api = await playwright.request.newContext({ baseURL });
    const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
    const res = await api.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: MEI, password: "visit-once-demo", callbackUrl: payload, json: "true" },
      headers: { Origin: origin },
      maxRedirects: 0,
    });
    expect(res.status(), payload).toBeLessThan(500);
    const target = res.status() === 200 ? (await res.json()).url : res.headers()["location"];
    expect(new URL(target, baseURL).origin, payload).toBe(origin);
    await api.dispose();
  }
});
