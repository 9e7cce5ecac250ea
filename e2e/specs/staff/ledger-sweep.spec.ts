// The ledger sweep: every page and API that shows a citizen's data (the table in
// web/lib/citizen-data-routes.ts, which a unit test keeps complete) is visited as every role
// that may see it, on fresh cases, and the access ledger (read from the stack's database) must
// hold an entry for the visit naming the actor, the case, whose it is and what was shown.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { applicationWorkflowId, SERVICES } from "@visit-once/workflows/contracts";
import { SHOWS_CITIZEN_DATA, type ShowsCitizenData } from "../../../web/lib/citizen-data-routes";
import { database } from "../../support/accounts";
import {
  actOnCase,
  caseOf,
  decideAsOfficer,
  LEI,
  MEI,
  NEWBORN,
  signedInPage,
  submitNewborn,
} from "../../support/citizen";
import { anotherStaffLike, reviewIdOf } from "../../support/reviews";
import { accountId, ledgerEntriesBy } from "../../support/ledger";
import {
  ADMIN,
  CASEWORKER,
  expectNotFound,
  FIRST_STEP,
  officer,
  STAFF_NEWBORN_FIELDS,
  taskUrl,
  waitForConflict,
  waitForTask,
  ZHOU,
} from "../../support/staff";

const UI = process.env.E2E_TEMPORAL_UI_URL ?? "http://127.0.0.1:18233";
type Role = ShowsCitizenData["seenBy"][number];
interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

// Two fresh cases: Mei's goes through every office to completion (task pages, then her PDF);
// Zhou's stops at a conflict (the exception page, the Temporal payloads).
let meiCase = "";
let zhouCase = "";
let mei: Page | undefined;
let caseworker: Page | undefined;

test.describe.configure({ mode: "serial", timeout: 360_000 });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  mei = await signedInPage(browser, MEI);
  meiCase = await submitNewborn(mei.request);
  zhouCase = await submitNewborn((await signedInPage(browser, ZHOU)).request, STAFF_NEWBORN_FIELDS);
});

/** The record types a staff page shows (its evidence list). */
const shownRecordTypes = async (page: Page) =>
  (
    await page
      .locator('li[data-testid^="evidence-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")!.replace(/^evidence-/, "")))
  ).sort();

/** The record types the allowed entries name, each entry naming one. */
const recordTypesOf = (entries: { outcome: string; recordTypes: string[] }[]) =>
  entries
    .filter((e) => e.outcome === "allowed")
    .flatMap((e) => e.recordTypes)
    .sort();

/** How the sweep visits each page or API as each role, and what it expects on the ledger. */
interface Sweep {
  /** The sweep's caseworker, signed in once. */
  caseworkerPage: () => Promise<Page>;
  browser: Browser;
  baseURL: string;
}
const VISITS: Record<string, Partial<Record<Role, (sweep: Sweep) => Promise<void>>>> = {
  "staff/reviews/[id]/page.tsx": {
    async OFFICER({ browser }) {
      // Lei's household registration is refused; she asks for a review; another officer of the office opens it.
      const lei = await signedInPage(browser, LEI);
      const applicationId = await submitNewborn(lei.request);
      await decideAsOfficer(browser, lei.request, applicationId, FIRST_STEP, "reject", "Registered in another city.");
      const reviewId = await reviewIdOf(applicationId);
      expect(
        (
          await actOnCase(lei.request, applicationId, {
            action: "request-review",
            reviewId,
            grounds: "We moved here in March.",
          })
        ).status(),
      ).toBe(200);
      const email = await anotherStaffLike(officer("public-security"));
      const page = await signedInPage(browser, email);
      await page.goto(`/staff/reviews/${reviewId}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review of a refusal");
      const entries = (await ledgerEntriesBy(email, applicationId, "staff-view")).filter(
        (e) => e.outcome === "allowed",
      );
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        subjectId: await accountId(LEI),
        actorRole: "OFFICER",
        actorOffice: "public-security",
        purpose: "Reviewing a refusal of the case",
        fields: ["refusal", "reviewGrounds"],
      });
      // The officer who refused is refused (404), and that is on the ledger too.
      const refuser = await signedInPage(browser, officer("public-security"));
      await expectNotFound(refuser, `/staff/reviews/${reviewId}`);
      expect(
        (await ledgerEntriesBy(officer("public-security"), applicationId, "staff-view")).some(
          (e) => e.outcome === "refused" && e.purpose === "Reviewing a refusal of the case",
        ),
      ).toBe(true);
      for (const p of [lei, page, refuser]) await p.context().close();
    },
    async CASEWORKER({ browser, caseworkerPage }) {
      // A caseworker rejects Zhou's name conflict; she asks for a review; another caseworker opens it.
      const zhou = await signedInPage(browser, ZHOU);
      const applicationId = await submitNewborn(zhou.request, STAFF_NEWBORN_FIELDS);
      const exceptionId = await waitForConflict(await caseworkerPage(), applicationId);
      const rejected = await actOnCase((await caseworkerPage()).request, applicationId, {
        action: "resolve",
        exceptionId,
        resolution: { kind: "reject", reason: "The name could not be confirmed." },
      });
      expect(rejected.status(), await rejected.text()).toBe(200);
      const reviewId = await reviewIdOf(applicationId);
      expect(
        (
          await actOnCase(zhou.request, applicationId, {
            action: "request-review",
            reviewId,
            grounds: "周敏 is my legal name.",
          })
        ).status(),
      ).toBe(200);
      const email = await anotherStaffLike(CASEWORKER);
      const page = await signedInPage(browser, email);
      await page.goto(`/staff/reviews/${reviewId}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review of a refusal");
      const entries = (await ledgerEntriesBy(email, applicationId, "staff-view")).filter(
        (e) => e.outcome === "allowed",
      );
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        subjectId: await accountId(ZHOU),
        actorRole: "CASEWORKER",
        purpose: "Reviewing a refusal of the case",
      });
      for (const p of [zhou, page]) await p.context().close();
    },
  },
  "staff/corrections/[id]/page.tsx": {
    async OFFICER({ browser }) {
      // Lei disputes her birth certificate; the Health Commission's officer opens the correction it opened.
      const lei = await signedInPage(browser, LEI);
      const applicationId = await submitNewborn(lei.request);
      const dispute = {
        action: "dispute",
        recordType: "birth-certificate",
        explanation: "The place of birth is wrong.",
      };
      await expect
        .poll(async () => (await actOnCase(lei.request, applicationId, dispute)).status(), { timeout: 90_000 })
        .toBe(200);
      await expect
        .poll(async () => (await database().correction.findFirst({ where: { applicationId } }))?.id ?? "", {
          timeout: 60_000,
        })
        .not.toBe("");
      const correction = await database().correction.findFirstOrThrow({ where: { applicationId } });
      const page = await signedInPage(browser, officer("health"));
      await page.goto(`/staff/corrections/${correction.id}`);
      await expect(page.getByTestId("correction-status")).toBeVisible();
      const entries = (await ledgerEntriesBy(officer("health"), applicationId, "staff-view")).filter(
        (e) => e.outcome === "allowed",
      );
      expect(entries.length).toBeGreaterThan(0);
      for (const e of entries)
        expect(e).toMatchObject({ subjectId: await accountId(LEI), actorRole: "OFFICER", actorOffice: "health" });
      expect(recordTypesOf(entries)).toContain("birth-certificate");
      // Another department's officer is refused (404), and that is on the ledger too.
      const stranger = await signedInPage(browser, officer("public-security"));
      await expectNotFound(stranger, `/staff/corrections/${correction.id}`);
      expect(
        (await ledgerEntriesBy(officer("public-security"), applicationId, "staff-view")).some(
          (e) => e.outcome === "refused",
        ),
      ).toBe(true);
      for (const p of [lei, page, stranger]) await p.context().close();
    },
  },
  "staff/tasks/[applicationId]/[stepKey]/page.tsx": {
    async OFFICER({ browser }) {
      const meiId = await accountId(MEI);
      const steps = SERVICES[NEWBORN].steps;
      const pages = new Map<string, Page>();
      for (const step of steps) pages.set(step.office, await signedInPage(browser, officer(step.office)));
      for (const [i, step] of steps.entries()) {
        const email = officer(step.office);
        const page = pages.get(step.office)!;
        await waitForTask(page, meiCase, step.key);
        await page.goto(taskUrl(meiCase, step.key));
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(step.title.en);
        const shown = await shownRecordTypes(page);
        expect(shown.length, step.key).toBeGreaterThan(0);
        const entries = (await ledgerEntriesBy(email, meiCase, "staff-view")).filter((e) => e.outcome === "allowed");
        // One entry per record type shown, and nothing shown without one.
        expect(recordTypesOf(entries)).toEqual(shown);
        for (const e of entries) {
          expect(e).toMatchObject({
            subjectId: meiId,
            actorRole: "OFFICER",
            actorOffice: step.office,
            serviceCode: NEWBORN,
            purpose: `Deciding the step "${step.title.en}"`,
          });
          expect(e.requestId).toMatch(/^[0-9a-f-]{36}$/);
          const [recordType] = e.recordTypes;
          // The fields named are the ones the step is granted (minimised), never more.
          const granted: readonly string[] = recordType
            ? ((step.sees.records as Record<string, readonly string[]>)[recordType] ?? [])
            : step.sees.typed;
          for (const f of e.fields) expect(granted, `${step.key}: ${recordType ?? "typed"}.${f}`).toContain(f);
        }
        // What Mei typed that this office sees (the baby's name) is an entry of its own.
        if ((await page.getByTestId("citizen-fields").count()) > 0)
          expect(entries.some((e) => e.recordTypes.length === 0 && e.fields.length > 0)).toBe(true);
        const next = steps[i + 1];
        if (i === 0 && next) {
          // The next office tries its step before it is offered: a 404, and a refused entry naming Mei.
          const early = pages.get(next.office)!;
          await expectNotFound(early, taskUrl(meiCase, next.key));
          expect(await ledgerEntriesBy(officer(next.office), meiCase, "staff-view")).toMatchObject([
            { outcome: "refused", subjectId: meiId, recordTypes: [], fields: [] },
          ]);
        }
        const decided = await actOnCase(page.request, meiCase, {
          action: "decide",
          stepKey: step.key,
          decision: "approve",
          reason: "",
        });
        expect(decided.status(), await decided.text()).toBe(200);
      }
      for (const page of pages.values()) await page.context().close();
    },
  },

  "staff/exceptions/[id]/page.tsx": {
    async CASEWORKER({ caseworkerPage }) {
      const p = await caseworkerPage();
      const exceptionId = await waitForConflict(p, zhouCase);
      await p.goto(`/staff/exceptions/${exceptionId}`);
      await expect(p.getByTestId("exception-status")).toBeVisible();
      const shown = await shownRecordTypes(p);
      expect(shown.length).toBeGreaterThan(0);
      const entries = await ledgerEntriesBy(CASEWORKER, zhouCase, "staff-view");
      expect(recordTypesOf(entries)).toEqual(shown);
      const zhouId = await accountId(ZHOU);
      for (const e of entries)
        expect(e).toMatchObject({
          outcome: "allowed",
          subjectId: zhouId,
          actorRole: "CASEWORKER",
          serviceCode: NEWBORN,
          purpose: "Resolving an exception on the case",
        });
      // The queue it came from showed nothing of hers, so wrote nothing: every entry is the page's.
      await p.goto("/staff/exceptions?kind=CONFLICT");
      await expect(p.locator(`tr[data-application-id="${zhouCase}"]`)).toBeVisible();
      expect(await ledgerEntriesBy(CASEWORKER, zhouCase, "staff-view")).toHaveLength(entries.length);
    },
  },

  "api/documents/[code]/pdf/route.ts": {
    async CITIZEN({ browser }) {
      await expect
        .poll(async () => (await caseOf(mei!.request, meiCase)).status, { timeout: 90_000 })
        .toBe("COMPLETED");
      const doc = await database().issuedDocument.findFirstOrThrow({
        where: { applicationId: meiCase },
        orderBy: { key: "asc" },
      });
      const pdf = await mei!.request.get(`/api/documents/${doc.verificationCode}/pdf`);
      expect(pdf.status()).toBe(200);
      const [entry, ...more] = await ledgerEntriesBy(MEI, meiCase, "document-download");
      expect(more).toEqual([]);
      // The entry names the very request (the proxy's id, on the response too).
      expect(entry).toMatchObject({
        outcome: "allowed",
        subjectId: await accountId(MEI),
        department: doc.issuedBy,
        fields: [`document:${doc.key}`],
        requestId: pdf.headers()["x-request-id"],
      });
      // Another citizen, knowing the code, gets 404; the attempt is on Mei's ledger.
      const lei = await signedInPage(browser, LEI);
      expect((await lei.request.get(`/api/documents/${doc.verificationCode}/pdf`)).status()).toBe(404);
      expect(await ledgerEntriesBy(LEI, meiCase, "document-download")).toMatchObject([
        { outcome: "refused", subjectId: await accountId(MEI) },
      ]);
      await lei.context().close();
    },
  },

  "api/temporal-codec/decode/route.ts": {
    async CASEWORKER({ caseworkerPage, baseURL }) {
      await decodeAndFindEntry(await caseworkerPage(), CASEWORKER, baseURL);
    },
    async ADMIN({ browser, baseURL }) {
      const admin = await signedInPage(browser, ADMIN);
      await decodeAndFindEntry(admin, ADMIN, baseURL);
      await admin.context().close();
    },
  },

  "staff/reveal-action.ts": {
    // By now Mei's steps are decided: Public Security's task page still shows its step, masked.
    async OFFICER({ browser }) {
      const email = officer("public-security");
      const page = await signedInPage(browser, email);
      const step = SERVICES[NEWBORN].steps.find((s) => s.office === "public-security")!;
      await page.goto(taskUrl(meiCase, step.key));
      await revealFirstAndFindEntry(page, email, meiCase, MEI);
      await page.context().close();
    },
    async CASEWORKER({ caseworkerPage }) {
      const p = await caseworkerPage();
      await p.goto(`/staff/exceptions/${await waitForConflict(p, zhouCase)}`);
      await revealFirstAndFindEntry(p, CASEWORKER, zhouCase, ZHOU);
    },
  },
};

/** Shows the first masked value on the page in full; one `reveal` entry names the field, the case and whose it is. */
async function revealFirstAndFindEntry(
  page: Page,
  email: string,
  applicationId: string,
  citizen: string,
): Promise<void> {
  // Pinned by position: once revealed it has no button, so a filter on the button would move on.
  const all = page.locator('[data-testid^="revealable-"]');
  const index = await all.evaluateAll((els) => els.findIndex((e) => e.querySelector("button") !== null));
  expect(index, "a masked value with a reveal button").toBeGreaterThanOrEqual(0);
  const value = all.nth(index);
  const field = (await value.getAttribute("data-testid"))!.replace(/^revealable-/, "");
  const before = await ledgerEntriesBy(email, applicationId, "reveal");
  await value.getByRole("button").click();
  await expect(value.getByTestId("shown-value")).toHaveAttribute("data-revealed", "true");
  const entries = await ledgerEntriesBy(email, applicationId, "reveal");
  expect(entries).toHaveLength(before.length + 1);
  expect(entries.at(-1)).toMatchObject({
    outcome: "allowed",
    subjectId: await accountId(citizen),
    fields: [field],
    serviceCode: NEWBORN,
  });
}

/** As the Temporal UI does (from its origin, with the person's cookie): opens Zhou's case's payloads; one entry naming her case. */
async function decodeAndFindEntry(page: Page, email: string, webUrl: string): Promise<void> {
  const res = await page.request.get(
    `${UI}/api/v1/namespaces/default/workflows/${applicationWorkflowId(zhouCase)}/history`,
  );
  expect(res.status()).toBe(200);
  const sealed: JsonPayload[] = [];
  JSON.stringify(await res.json(), (key, value) => {
    if (key === "payloads" && Array.isArray(value)) sealed.push(...(value as JsonPayload[]));
    return value;
  });
  expect(sealed.length).toBeGreaterThan(0);
  await page.goto(`${UI}/api/v1/settings`);
  const status = await page.evaluate(
    async ({ url, payloads }) =>
      (
        await fetch(url, {
          method: "POST",
          credentials: "include",
          headers: { "Content-Type": "application/json", "X-Namespace": "default" },
          body: JSON.stringify({ payloads }),
        })
      ).status,
    { url: `${webUrl}/api/temporal-codec/decode`, payloads: sealed },
  );
  expect(status).toBe(200);
  const entries = await ledgerEntriesBy(email, zhouCase, "codec-decode");
  expect(entries.length).toBeGreaterThan(0);
  expect(entries.at(-1)).toMatchObject({
    outcome: "allowed",
    subjectId: await accountId(ZHOU),
    serviceCode: NEWBORN,
    purpose: "Inspecting a case's workflow in the Temporal UI",
  });
}

for (const route of SHOWS_CITIZEN_DATA) {
  for (const role of route.seenBy) {
    test(`${route.file} as ${role} writes a ledger entry for the visit`, async ({ browser, baseURL }) => {
      const visit = VISITS[route.file]?.[role];
      expect(visit, `the sweep has no visit for ${route.file} as ${role}: add one to VISITS`).toBeDefined();
      const caseworkerPage = async () => (caseworker ??= await signedInPage(browser, CASEWORKER));
      await visit!({ caseworkerPage, browser, baseURL: baseURL! });
    });
  }
}

test.afterAll(async () => {
  await caseworker?.context().close();
  await mei?.context().close();
});
