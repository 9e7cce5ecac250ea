import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, type Browser, expect, type Page } from "@playwright/test";
import { SERVICES } from "@visit-once/workflows/contracts";
import { passSecondFactor } from "./second-factor";

export const DEMO_PASSWORD = "visit-once-demo";
export const MEI = "mei@demo.visit-once.local";
export const LEI = "lei@demo.visit-once.local";
export const NEWBORN = "newborn-registration";
export const NEWBORN_CONSENTS = SERVICES[NEWBORN].evidence.map((e) => e.recordType);
export const NEWBORN_FIELDS = { babyName: "王小宝" };
/**
 * A baby's name no other spec uses: a citizen holds one open newborn application per baby, and
 * the specs share one database, so each submission names its own baby.
 */
export const aBabyName = (name = NEWBORN_FIELDS.babyName) => `${name}${randomUUID().slice(0, 8)}`;

/** The demo officer of `office`. */
export const officer = (office: string) => `officer.${office}@demo.visit-once.local`;

/** Signs in through the form; demo staff then give their second factor (a code from the demo secret). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/signin(\?|$)/);
  if (/\/signin\/code/.test(page.url())) await passSecondFactor(page, email);
  await expect(page).not.toHaveURL(/\/signin/);
}

/** A page of its own, signed in as `email` (closed with its context). */
export async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/**
 * Submits a newborn registration through the API, as the signed-in citizen (with the baby's name in
 * `fields`); returns its id. Its citizen confirms the preview as soon as it asks (`leavePreview` not
 * to), so the case goes on to the caseworkers and offices as before the preview existed.
 */
export async function submitNewborn(
  request: APIRequestContext,
  fields: Record<string, string> = NEWBORN_FIELDS,
  { leavePreview = false } = {},
): Promise<string> {
  const applicationId = randomUUID();
  const res = await request.post("/api/applications", {
    data: {
      applicationId,
      serviceCode: NEWBORN,
      consent: NEWBORN_CONSENTS,
      fields: { ...fields, babyName: aBabyName(fields.babyName) },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  if (!leavePreview) confirmWhenAsked(request, applicationId);
  return applicationId;
}

/** The citizen confirms her case's preview through the route (the case page's "Confirm these records"). */
export async function confirmPreview(request: APIRequestContext, applicationId: string): Promise<void> {
  const res = await actOnCase(request, applicationId, { action: "confirm" });
  expect(res.status(), await res.text()).toBe(200);
}

/**
 * In the background, confirms the case's preview once it asks (after the records are fetched,
 * however long a department takes), as its citizen would; stops once the case is past it, or when
 * the citizen's session or the test is over. Nothing waits for it: a spec that needs the case
 * further on waits for that, as it always did.
 */
export function confirmWhenAsked(request: APIRequestContext, applicationId: string, timeoutMs = 240_000): void {
  void (async () => {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const res = await request.get(`/api/applications/${applicationId}`);
      if (!res.ok()) return;
      const { status } = (await res.json()) as { status: string };
      if (status === "AWAITING_CONFIRMATION") {
        await actOnCase(request, applicationId, { action: "confirm" });
        return;
      }
      if (!["SUBMITTED", "FETCHING", "RECORDS_READY"].includes(status)) return;
      await new Promise((r) => setTimeout(r, 500));
    }
  })().catch(() => undefined);
}

/** On the case page at the preview: the citizen looks at her records and confirms them. */
export async function confirmPreviewOnPage(page: Page, confirm = "Confirm these records"): Promise<void> {
  const preview = page.getByTestId("preview");
  await expect(preview).toBeVisible({ timeout: 120_000 });
  await preview.getByRole("button", { name: confirm }).click();
  await expect(preview).toHaveCount(0, { timeout: 30_000 });
}

/** One case action through the route, with a fresh idempotency key. */
export function actOnCase(request: APIRequestContext, applicationId: string, body: Record<string, unknown>) {
  return request.post(`/api/applications/${applicationId}/actions`, {
    headers: { "Idempotency-Key": randomUUID(), "Accept-Language": "en" },
    data: body,
  });
}

/** The case as its owner's API answers it. */
export async function caseOf(
  request: APIRequestContext,
  applicationId: string,
): Promise<{ status: string; steps: { key: string; status: string }[] }> {
  const res = await request.get(`/api/applications/${applicationId}`);
  expect(res.status()).toBe(200);
  return res.json();
}

/** Waits until `stepKey` is an officer's to decide, then sends that office's decision. */
export async function decideAsOfficer(
  browser: Browser,
  owner: APIRequestContext,
  applicationId: string,
  stepKey: string,
  decision: "approve" | "reject" | "request-correction",
  reason = "",
): Promise<void> {
  const step = SERVICES[NEWBORN].steps.find((s) => s.key === stepKey)!;
  confirmWhenAsked(owner, applicationId);
  await expect
    .poll(async () => (await caseOf(owner, applicationId)).steps.find((s) => s.key === stepKey)?.status, {
      timeout: 90_000,
    })
    .toBe("AWAITING_DECISION");
  const officerPage = await signedInPage(browser, officer(step.office));
  const res = await actOnCase(officerPage.request, applicationId, { action: "decide", stepKey, decision, reason });
  expect(res.status(), await res.text()).toBe(200);
  await officerPage.context().close();
}

/** Carries a newborn case to completion: each office's officer approves its step, in order, once it is theirs to decide. */
export async function completeNewbornCase(
  browser: Browser,
  owner: APIRequestContext,
  applicationId: string,
): Promise<void> {
  for (const step of SERVICES[NEWBORN].steps) await decideAsOfficer(browser, owner, applicationId, step.key, "approve");
  await expect.poll(async () => (await caseOf(owner, applicationId)).status, { timeout: 60_000 }).toBe("COMPLETED");
}

/** Fails on any serious or critical accessibility violation, listing them. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}
