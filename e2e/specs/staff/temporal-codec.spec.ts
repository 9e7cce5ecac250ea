import { expect, type Page, test } from "@playwright/test";
import { applicationWorkflowId } from "@visit-once/workflows/contracts";
import { MEI, signedInPage, submitNewborn } from "../../support/citizen";
import { ADMIN, CASEWORKER, officer, STAFF_NEWBORN_FIELDS, waitForConflict, ZHOU } from "../../support/staff";

// The Temporal UI opens a case's payloads through the web's codec endpoint, in the person's
// browser, with their session cookie. Here the browser does what the UI does: from the UI's
// own origin, a credentialed cross-origin POST, under Chromium's real CORS checks.
const UI = process.env.E2E_TEMPORAL_UI_URL ?? "http://127.0.0.1:18233";
const MEI_ID = "330102199203150021";

interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}
let applicationId: string;
let sealed: JsonPayload[];

/** What the UI sends: from its origin, with credentials and the namespace. */
async function decodeFromUi(page: Page, webUrl: string, payloads: JsonPayload[]) {
  await page.goto(`${UI}/api/v1/settings`);
  return page.evaluate(
    async ({ url, payloads }) => {
      try {
        const res = await fetch(url, {
          method: "POST",
          credentials: "include",
          headers: { "Content-Type": "application/json", "X-Namespace": "default" },
          body: JSON.stringify({ payloads }),
        });
        return { status: res.status, body: await res.text() };
      } catch (e) {
        return { status: 0, body: String(e) };
      }
    },
    { url: `${webUrl}/api/temporal-codec/decode`, payloads },
  );
}

const clearText = (body: string) =>
  (JSON.parse(body) as { payloads: JsonPayload[] }).payloads
    .map((p) => Buffer.from(p.data ?? "", "base64").toString("utf8"))
    .join("\n");

test.describe.configure({ mode: "serial" });

test.describe("staff: the Temporal UI's codec endpoint", () => {
  // Each staff sign-in may wait up to 30 s for a TOTP code not used before.
  test.describe.configure({ timeout: 120_000 });
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    applicationId = await submitNewborn((await signedInPage(browser, MEI)).request, { babyName: "王小宝" });
  });

  test("the dev server's UI is set to decode through the web, and its HTTP API serves only sealed payloads", async ({
    request,
    baseURL,
  }) => {
    const settings = await (await request.get(`${UI}/api/v1/settings`)).json();
    expect(JSON.stringify(settings)).toContain(`${baseURL}/api/temporal-codec`);
    await expect(async () => {
      const res = await request.get(
        `${UI}/api/v1/namespaces/default/workflows/${applicationWorkflowId(applicationId)}/history`,
      );
      expect(res.status()).toBe(200);
      const history = await res.text();
      const found: JsonPayload[] = [];
      JSON.stringify(JSON.parse(history), (key, value) => {
        if (key === "payloads" && Array.isArray(value)) found.push(...(value as JsonPayload[]));
        return value;
      });
      expect(found.length).toBeGreaterThan(1);
      const readings = [history, ...found.map((p) => Buffer.from(p.data ?? "", "base64").toString("utf8"))].join("\n");
      expect(readings).not.toContain(MEI_ID);
      expect(readings).not.toContain("王小宝");
      sealed = found.filter((p) => Buffer.from(p.metadata?.encoding ?? "", "base64").toString() === "binary/encrypted");
      expect(sealed.length).toBeGreaterThan(1);
    }).toPass({ timeout: 30_000 });
  });

  test("a caseworker and an administrator see the case's payloads in clear from the UI's origin", async ({
    browser,
    baseURL,
  }) => {
    for (const who of [CASEWORKER, ADMIN]) {
      const page = await signedInPage(browser, who);
      const answer = await decodeFromUi(page, baseURL!, sealed);
      expect(answer.status, answer.body).toBe(200);
      expect(clearText(answer.body)).toContain(MEI_ID);
      await page.context().close();
    }
  });

  test("signed out, a citizen or an officer get nothing", async ({ browser, baseURL }) => {
    const anonymous = await (await browser.newContext()).newPage();
    expect((await decodeFromUi(anonymous, baseURL!, sealed)).status).toBe(401);
    for (const who of [MEI, officer("public-security")]) {
      const page = await signedInPage(browser, who);
      const answer = await decodeFromUi(page, baseURL!, sealed);
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain(MEI_ID);
      await page.context().close();
    }
  });

  test("a caseworker's exception page links the case in the Temporal UI and says how to read it there", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const conflictCase = await submitNewborn((await signedInPage(browser, ZHOU)).request, STAFF_NEWBORN_FIELDS);
    const page = await signedInPage(browser, CASEWORKER);
    const exceptionId = await waitForConflict(page, conflictCase);
    await page.goto(`/staff/exceptions/${exceptionId}`);
    const link = page.getByRole("link", { name: "Open in the Temporal UI" });
    await expect(link).toHaveAttribute(
      "href",
      `${UI}/namespaces/default/workflows/${applicationWorkflowId(conflictCase)}`,
    );
    await expect(
      page.getByText("turn on “include cross-origin credentials” in the Temporal UI's codec settings"),
    ).toBeVisible();
    await page.context().close();
  });

  test("another origin is refused, even with a caseworker's cookie", async ({ browser, baseURL }) => {
    const page = await signedInPage(browser, CASEWORKER);
    const res = await page.request.post(`${baseURL}/api/temporal-codec/decode`, {
      headers: { Origin: "http://127.0.0.1:9999", "X-Namespace": "default" },
      data: { payloads: sealed },
    });
    expect(res.status()).toBe(403);
    expect(await res.text()).not.toContain(MEI_ID);
    const preflight = await page.request.fetch(`${baseURL}/api/temporal-codec/decode`, {
      method: "OPTIONS",
      headers: { Origin: "http://127.0.0.1:9999" },
    });
    expect(preflight.headers()["access-control-allow-origin"]).toBeUndefined();
  });
});
