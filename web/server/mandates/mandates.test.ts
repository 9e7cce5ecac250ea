import { randomUUID } from "node:crypto";
import { testFieldCipher } from "@visit-once/prisma/at-rest";
import {
  type ApplicationWorkflowInput,
  beijingDay,
  makeNationalId,
  type MinorChildrenResult,
  SERVICES,
} from "@visit-once/workflows/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../access/policy";
import { submitApplication } from "../applications/submit-application";
import { resolveActingFor } from "../representation/acting-for";
import { testDb } from "../testing/database";
import { grantMandate, registerNotarisedMandate } from "./grant-mandate";
import { listMyMandates } from "./list-mandates";
import { revokeMandate } from "./revoke-mandate";

// Acting for someone else on real PostgreSQL: granting, registering and revoking mandates through
// the authorise-and-audit path, a mandate's scope, expiry and revocation at submission, and a
// parent's submission for her child (the relation proof itself runs on real Temporal in
// workers/stack/src/representation.integration.test.ts; here its answer is given).
const db = testDb();
const cipher = testFieldCipher();
// Made with their check character at run time: no valid identity number is committed (committed-identity-numbers.test.ts).
const MOTHER_ID = makeNationalId("330106", "19920304", 2);
const SON_ID = makeNationalId("330106", "19600101", 1);
const CHILD_ID = makeNationalId("330106", "20190506", 2);
const today = beijingDay(new Date());
const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
let mother: Actor;
let son: Actor;
let stranger: Actor;
const caseworker: Actor = { id: randomUUID(), role: "CASEWORKER", departmentCode: null };

beforeAll(async () => {
  const citizen = async (nationalId: string | null, name: string): Promise<Actor> => {
    const data = nationalId
      ? { nationalId: cipher.seal(nationalId), nationalIdIndex: cipher.blindIndex(nationalId) }
      : {};
    const u = await db.user.create({
      data: { email: `${randomUUID()}@test.local`, name, passwordHash: "x", role: "CITIZEN", ...data },
    });
    return { id: u.id, role: "CITIZEN", departmentCode: null };
  };
  // The blind index is unique per account: a run again on the same database frees the numbers from the accounts of the last.
  await db.user.updateMany({
    where: { nationalIdIndex: { in: [MOTHER_ID, SON_ID].map((n) => cipher.blindIndex(n)) } },
    data: { nationalIdIndex: null },
  });
  mother = await citizen(MOTHER_ID, "吴老太");
  son = await citizen(SON_ID, "郑儿子");
  stranger = await citizen(null, "路人");
});
afterAll(async () => db.$disconnect());

const grant = (over: Record<string, unknown> = {}) => ({
  granteeNationalId: SON_ID,
  granteeName: "郑儿子",
  services: ["retirement"],
  expiresOn: nextYear,
  ...over,
});
const noChildren = async (): Promise<MinorChildrenResult> => ({ householdFound: true, children: [] });

describe("granting a mandate", () => {
  it("grants one to an identity number and name, keeping only blind indexes of the numbers, audited", async () => {
    const requestId = randomUUID();
    const result = await grantMandate(mother, grant(), requestId, db, cipher);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = await db.mandate.findUniqueOrThrow({ where: { id: result.mandateId } });
    expect(row).toMatchObject({
      source: "PORTAL",
      grantorId: mother.id,
      granteeIndex: cipher.blindIndex(SON_ID),
      granteeName: "郑儿子",
      services: ["retirement"],
      expiresOn: nextYear,
      revokedAt: null,
    });
    expect(JSON.stringify(row)).not.toContain(SON_ID);
    expect(JSON.stringify(row)).not.toContain(MOTHER_ID);
    expect(
      await db.auditEntry.findMany({ where: { requestId }, select: { action: true, resource: true, allowed: true } }),
    ).toEqual([{ action: "grant", resource: `mandate:${result.mandateId}`, allowed: true }]);
    const mine = await listMyMandates(son.id, db);
    expect(mine.received.map((m) => m.id)).toContain(result.mandateId);
  });

  it("refuses bad input with a specific error and stores nothing", async () => {
    const before = await db.mandate.count();
    expect(
      await grantMandate(mother, grant({ granteeNationalId: "330106196001010015" }), randomUUID(), db, cipher),
    ).toEqual({ ok: false, errors: { granteeNationalId: "invalid-id" } });
    expect(await grantMandate(mother, grant({ services: [] }), randomUUID(), db, cipher)).toEqual({
      ok: false,
      errors: { services: "required" },
    });
    expect(
      await grantMandate(mother, grant({ services: ["child-medical-insurance"] }), randomUUID(), db, cipher),
    ).toEqual({ ok: false, errors: { services: "invalid" } });
    expect(await grantMandate(mother, grant({ expiresOn: "2020-01-01" }), randomUUID(), db, cipher)).toEqual({
      ok: false,
      errors: { expiresOn: "in-the-past" },
    });
    expect(await grantMandate(mother, grant({ granteeNationalId: MOTHER_ID }), randomUUID(), db, cipher)).toEqual({
      ok: false,
      errors: { granteeNationalId: "yourself" },
    });
    expect(await grantMandate(stranger, grant(), randomUUID(), db, cipher)).toEqual({
      ok: false,
      errors: { form: "no-national-id" },
    });
    expect(await db.mandate.count()).toBe(before);
  });

  it("lets a caseworker register a notarised one, linked to the grantor's account; a citizen cannot", async () => {
    const raw = {
      certificateNo: "(2026)浙杭西证字第1234号",
      grantorNationalId: MOTHER_ID,
      grantorName: "吴老太",
      granteeNationalId: SON_ID,
      granteeName: "郑儿子",
      services: ["property-transfer"],
      expiresOn: nextYear,
    };
    const result = await registerNotarisedMandate(caseworker, raw, randomUUID(), db, cipher);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await db.mandate.findUniqueOrThrow({ where: { id: result.mandateId } })).toMatchObject({
      source: "NOTARISED",
      grantorId: mother.id,
      notarialCertificateNo: raw.certificateNo,
      registeredById: caseworker.id,
    });
    expect(await registerNotarisedMandate(mother, raw, randomUUID(), db, cipher)).toEqual({
      ok: false,
      errors: { form: "not-found" },
    });
    expect(
      await registerNotarisedMandate(caseworker, { ...raw, granteeNationalId: MOTHER_ID }, randomUUID(), db, cipher),
    ).toEqual({ ok: false, errors: { granteeNationalId: "same-person" } });
  });
});

describe("a mandate at submission: scope, expiry, revocation", () => {
  const deps = { db, cipher, minorChildren: noChildren };

  it("names the grantor as the subject for a service in scope, and refuses one out of scope", async () => {
    const granted = await grantMandate(mother, grant(), randomUUID(), db, cipher);
    if (!granted.ok) throw new Error("not granted");
    const resolved = await resolveActingFor(
      son.id,
      SERVICES.retirement,
      { kind: "mandate", ref: granted.mandateId },
      deps,
    );
    expect(resolved).toEqual({
      ok: true,
      subject: {
        basis: "mandate",
        subjectNationalId: MOTHER_ID,
        subjectIndex: cipher.blindIndex(MOTHER_ID),
        subjectUserId: mother.id,
        subjectName: "吴老太",
        mandateId: granted.mandateId,
      },
    });
    expect(
      await resolveActingFor(son.id, SERVICES["business-startup"], { kind: "mandate", ref: granted.mandateId }, deps),
    ).toEqual({ ok: false, code: "mandate-ended" });
    // Only its holder may use it.
    expect(
      await resolveActingFor(mother.id, SERVICES.retirement, { kind: "mandate", ref: granted.mandateId }, deps),
    ).toEqual({ ok: false, code: "mandate-ended" });
  });

  it("refuses an expired mandate", async () => {
    const granted = await grantMandate(mother, grant(), randomUUID(), db, cipher);
    if (!granted.ok) throw new Error("not granted");
    await db.mandate.update({ where: { id: granted.mandateId }, data: { expiresOn: "2025-12-31" } });
    expect(
      await resolveActingFor(son.id, SERVICES.retirement, { kind: "mandate", ref: granted.mandateId }, deps),
    ).toEqual({ ok: false, code: "mandate-ended" });
  });

  it("ends at once when revoked: no new application, and the representative reaches the open one no more", async () => {
    const granted = await grantMandate(mother, grant(), randomUUID(), db, cipher);
    if (!granted.ok) throw new Error("not granted");
    const started: ApplicationWorkflowInput[] = [];
    const submitDeps = {
      db,
      cipher,
      minorChildren: noChildren,
      startWorkflow: async (i: ApplicationWorkflowInput) => void started.push(i),
    };
    const body = {
      applicationId: randomUUID(),
      serviceCode: "retirement",
      consent: SERVICES.retirement.evidence.map((e) => e.recordType),
      fields: { bankAccount: "6222021234567890" },
      actingFor: { kind: "mandate", ref: granted.mandateId },
    };
    const requestId = randomUUID();
    expect(await submitApplication(son.id, body, { requestId }, submitDeps)).toEqual({
      kind: "created",
      applicationId: body.applicationId,
    });
    expect(started[0]!.subjectNationalId).toBe(MOTHER_ID);
    const app = await db.application.findUniqueOrThrow({
      where: { id: body.applicationId },
      include: { events: true },
    });
    expect(app).toMatchObject({
      citizenId: son.id,
      subjectUserId: mother.id,
      actingBasis: "mandate",
      mandateId: granted.mandateId,
      subjectName: "吴老太",
    });
    expect(cipher.open(app.subjectNationalId!)).toBe(MOTHER_ID);
    expect(app.events.map((e) => e.words)).toEqual([
      { kind: "applied-for", basis: "mandate", representative: "郑儿子", subject: "吴老太" },
    ]);
    expect(await db.auditEntry.findFirst({ where: { requestId }, select: { action: true, onBehalfOf: true } })).toEqual(
      { action: "submit", onBehalfOf: mother.id },
    );

    // Someone else may not revoke it; its grantor does, and again changes nothing.
    expect(await revokeMandate(son, granted.mandateId, randomUUID(), db)).toBe("not-found");
    expect(await revokeMandate(mother, granted.mandateId, randomUUID(), db)).toBe("revoked");
    expect(await revokeMandate(mother, granted.mandateId, randomUUID(), db)).toBe("unchanged");
    const again = { ...body, applicationId: randomUUID() };
    expect(await submitApplication(son.id, again, { requestId: randomUUID() }, submitDeps)).toMatchObject({
      kind: "invalid",
      code: "mandate-ended",
    });
    expect(await db.application.count({ where: { id: again.applicationId } })).toBe(0);
    // The open case goes on; its representative no longer reaches it, the grantor does.
    const { getApplication } = await import("../applications/get-application");
    expect(await getApplication(body.applicationId, son.id, db)).toBeNull();
    expect((await getApplication(body.applicationId, mother.id, db))?.acting).toEqual({
      basis: "mandate",
      representativeName: "郑儿子",
      subjectName: "吴老太",
      viewer: "subject",
    });
  });
});

describe("a parent applying for her minor child", () => {
  const child = { nationalId: CHILD_ID, fullName: "郑小妹", birthDate: "2019-05-06", certificateNo: "Q1" };
  const proof = async (): Promise<MinorChildrenResult> => ({ householdFound: true, children: [child] });
  const body = (ref: string) => ({
    applicationId: randomUUID(),
    serviceCode: "child-medical-insurance",
    consent: ["identity", "household"],
    fields: {},
    actingFor: { kind: "child", ref },
  });

  it("starts the child's case with the child as the subject, the parent as the applicant", async () => {
    const started: ApplicationWorkflowInput[] = [];
    const b = body(cipher.blindIndex(CHILD_ID));
    const result = await submitApplication(
      mother.id,
      b,
      { requestId: randomUUID() },
      { db, cipher, minorChildren: proof, startWorkflow: async (i) => void started.push(i) },
    );
    expect(result).toEqual({ kind: "created", applicationId: b.applicationId });
    expect(started.map((i) => i.subjectNationalId)).toEqual([CHILD_ID]);
    expect(await db.application.findUniqueOrThrow({ where: { id: b.applicationId } })).toMatchObject({
      citizenId: mother.id,
      actingBasis: "minor-child",
      subjectIndex: cipher.blindIndex(CHILD_ID),
      subjectUserId: null,
      subjectName: "郑小妹",
    });
  });

  it("refuses a child the records do not prove hers, and a service about a child with nobody chosen", async () => {
    const deps = { db, cipher, minorChildren: proof, startWorkflow: async () => {} };
    const other = body(cipher.blindIndex(makeNationalId("330106", "20180101", 2)));
    expect(await submitApplication(mother.id, other, { requestId: randomUUID() }, deps)).toMatchObject({
      kind: "invalid",
      code: "not-your-child",
    });
    expect(await db.application.count({ where: { id: other.applicationId } })).toBe(0);
    const none = { ...body("x"), actingFor: undefined };
    expect(await submitApplication(mother.id, none, { requestId: randomUUID() }, deps)).toMatchObject({
      kind: "invalid",
      code: "choose-child",
    });
    const down = { ...deps, minorChildren: async () => Promise.reject(new Error("department down")) };
    expect(
      await submitApplication(mother.id, body(cipher.blindIndex(CHILD_ID)), { requestId: randomUUID() }, down),
    ).toMatchObject({ kind: "invalid", code: "records-unavailable" });
  });
});
