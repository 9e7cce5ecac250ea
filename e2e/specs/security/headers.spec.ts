import { type APIResponse, expect, type Page, test } from "@playwright/test";
import { completeNewbornCase, MEI, signedInPage, signIn, submitNewborn } from "../../support/citizen";
import { serveOtherOrigin } from "../../support/other-origin";
import { CASEWORKER, waitForConflict, ZHOU, STAFF_NEWBORN_FIELDS } from "../../support/staff";

// Every kind of response carries the security headers; pages carry a CSP whose nonce is
// fresh per response and on every script; the app cannot be framed; and the main pages
// run in Chromium under that CSP without a single violation.

const PAGE_HEADERS = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

function expectSecurityHeaders(res: APIResponse, what: string): string {
  const h = res.headers();
  for (const [name, value] of Object.entries(PAGE_HEADERS)) expect(h[name], `${what}: ${name}`).toBe(value);
  expect(h["permissions-policy"], `${what}: permissions-policy`).toContain("camera=()");
  // The public URL here is http: no HSTS (it would pin a host to https that has none).
  expect(h["strict-transport-security"], `${what}: no HSTS over http`).toBeUndefined();
  const csp = h["content-security-policy"] ?? "";
  for (const directive of [
    "default-src 'self'",
    "'strict-dynamic'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ]) {
    expect(csp, `${what}: CSP has ${directive}`).toContain(directive);
  }
  expect(csp, `${what}: CSP has no unsafe-inline scripts`).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp, `${what}: production CSP has no eval`).not.toContain("'unsafe-eval'");
  return /'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
}

test("headers on every kind of response, and nonces on every script", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(300_000);
  const anonymous = await playwright.request.newContext({ baseURL });
  const mei = await signedInPage(browser, MEI);
  const caseworker = await signedInPage(browser, CASEWORKER);

  const nonces = new Set<string>();
  const pages: [string, APIResponse][] = [
    ["citizen page", await mei.request.get("/applications")],
    ["staff page", await caseworker.request.get("/staff/exceptions")],
    ["sign-in", await anonymous.get("/signin")],
    ["verify", await anonymous.get("/verify")],
    ["404 page", await anonymous.get("/no-such-page")],
  ];
  for (const [what, res] of pages) {
    const nonce = expectSecurityHeaders(res, what);
    expect(nonce, `${what}: a nonce`).toMatch(/^[A-Za-z0-9+/=]{22,}$/);
    nonces.add(nonce);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length, `${what}: has scripts`).toBeGreaterThan(0);
    expect(
      scripts.filter((s) => !s.includes(`nonce="${nonce}"`)),
      `${what}: every script carries the nonce`,
    ).toEqual([]);
  }
  expect(nonces.size, "a fresh nonce per response").toBe(pages.length);

  for (const [what, res] of [
    ["API JSON", await anonymous.get("/api/services")],
    ["API refusal", await anonymous.get("/api/applications/00000000-0000-0000-0000-000000000000")],
    ["PDF route, signed out", await anonymous.get("/api/documents/VO-0000-0000-0000/pdf")],
    ["a refused request", await anonymous.get("/applications/%ZZ")],
  ] as const) {
    expectSecurityHeaders(res, what);
  }
  // Static build files (skipped by the proxy) still get nosniff and the rest from next.config.ts.
  const html = await (await anonymous.get("/signin")).text();
  const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(asset).toBeTruthy();
  const staticRes = await anonymous.get(asset!);
  expect(staticRes.status()).toBe(200);
  for (const [name, value] of Object.entries(PAGE_HEADERS))
    expect(staticRes.headers()[name], `static: ${name}`).toBe(value);

  await anonymous.dispose();
  await mei.context().close();
  await caseworker.context().close();
});

test("a PDF document carries the headers", async ({ browser }) => {
  test.setTimeout(420_000);
  const mei = await signedInPage(browser, MEI);
  const applicationId = await submitNewborn(mei.request);
  await completeNewbornCase(browser, mei.request, applicationId);
  await mei.goto(`/applications/${applicationId}`);
  const href = await mei.locator('a[href*="/api/documents/"]').first().getAttribute("href");
  expect(href).toMatch(/\/pdf$/);
  const pdf = await mei.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expectSecurityHeaders(pdf, "PDF");
  await mei.context().close();
});

test("another origin cannot frame the app", async ({ browser, baseURL }) => {
  const mei = await signedInPage(browser, MEI);
  const framer = await serveOtherOrigin(
    `<!doctype html><html><body><iframe id="app" src="${baseURL}/applications" width="800" height="600"></iframe></body></html>`,
  );
  try {
    const page = await mei.context().newPage();
    const framed = page.waitForResponse(`${baseURL}/applications`);
    await page.goto(framer.origin);
    // The app answered the frame's request (it was really tried) …
    expect((await framed).headers()["x-frame-options"]).toBe("DENY");
    await page.waitForTimeout(500);
    // … but the browser rendered none of it: no frame holds the app's document.
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      expect(frame.url()).not.toContain(`${baseURL}/applications`);
      expect(
        await frame
          .locator("#main")
          .count()
          .catch(() => 0),
      ).toBe(0);
    }
  } finally {
    await framer.close();
    await mei.context().close();
  }
});

/** Collects CSP violations (as the page reports them and as Chromium logs them). */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(m.text()))
      violations.push(`console: ${m.text()}`);
  });
  await page.exposeFunction("__reportCsp", (v: string) => violations.push(v));
  await page.addInitScript(`document.addEventListener("securitypolicyviolation", (e) => {
    window.__reportCsp(e.violatedDirective + " blocked " + e.blockedURI + " at " + document.location.pathname);
  });`);
  return violations;
}

test("the main pages run under the CSP without violations, hydrated", async ({ browser }) => {
  test.setTimeout(300_000);
  const zhou = await signedInPage(browser, ZHOU);
  const citizenViolations = await watchViolations(zhou);
  const applicationId = await submitNewborn(zhou.request, STAFF_NEWBORN_FIELDS);
  for (const path of [
    "/",
    "/services",
    "/services/newborn-registration",
    "/applications",
    `/applications/${applicationId}`,
    "/verify",
  ]) {
    await zhou.goto(path);
    await zhou.waitForLoadState("networkidle");
  }
  // Client-side navigation and a server action (the language switch) work: scripts ran.
  await zhou.goto("/services");
  await zhou.getByRole("button", { name: "中文" }).click();
  await expect(zhou.locator("html")).toHaveAttribute("lang", "zh-CN");
  await zhou.getByRole("button", { name: "English" }).click();
  await expect(zhou.locator("html")).toHaveAttribute("lang", "en");
  await zhou
    .getByRole("link", { name: /Register a newborn/ })
    .first()
    .click();
  await expect(zhou).toHaveURL(/\/services\/newborn-registration/);
  expect(citizenViolations).toEqual([]);

  const staff = await browser.newContext().then((c) => c.newPage());
  const staffViolations = await watchViolations(staff);
  // Through the second factor too: its pages run under the same CSP.
  await signIn(staff, CASEWORKER);
  await expect(staff).toHaveURL(/\/staff/);
  const exceptionId = await waitForConflict(staff, applicationId);
  for (const path of [
    "/staff",
    "/staff/exceptions",
    `/staff/exceptions/${exceptionId}`,
    "/staff/tasks",
    "/staff/board",
  ]) {
    await staff.goto(path);
    await staff.waitForLoadState("networkidle");
  }
  expect(staffViolations).toEqual([]);
  await zhou.context().close();
  await staff.context().close();
});
