import { randomUUID } from "node:crypto";
import { isSealed, testFieldCipher } from "@visit-once/prisma/at-rest";
import type { ApplicationWorkflowInput } from "@visit-once/workflows/contracts";
import { SERVICES } from "@visit-once/workflows/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../testing/database";
import { type SubmitDeps, submitApplication } from "./submit-application";

// Submitting on real PostgreSQL: the row and its outbox entry in one transaction, the start, the
// Idempotency-Key, one open application per service and subject (the partial unique index), and
// one audit entry per request. The workflow start is recorded (or made to fail) here; the reconcile
// integration test starts real workflows from the outbox.
const db = testDb();
const cipher = testFieldCipher();
const NEWBORN = "newborn-registration";
const CONSENT = SERVICES[NEWBORN].evidence.map((e) => e.recordType);
const RETIREMENT = SERVICES.retirement;
let mei = "";
let lei = "";
let noId = "";

beforeAll(async () => {
  const citizen = async (nationalId: string | null) =>
    (
      await db.user.create({
        data: { email: `${randomUUID()}@test.local`, name: "测试", passwordHash: "x", role: "CITIZEN", nationalId },
      })
    ).id;
  // Mei's number is stored sealed; Lei's in clear, as a row from before encryption is.
  mei = await citizen(cipher.seal("110105199003070021"));
  lei = await citizen("110105198811110013");
  noId = await citizen(null);
});
afterAll(async () => db.$disconnect());

function deps({ startFails = false }: { startFails?: boolean } = {}) {
  const started: ApplicationWorkflowInput[] = [];
  const d: SubmitDeps = {
    db,
    cipher,
    startWorkflow: async (input) => {
      if (startFails) throw new Error("temporal is down");
      started.push(input);
    },
  };
  return { deps: d, started };
}

const newborn = (extra: Record<string, unknown> = {}) => ({
  applicationId: randomUUID(),
  serviceCode: NEWBORN,
  consent: CONSENT,
  fields: { babyName: `宝${randomUUID()}` },
  ...extra,
});
const retirement = () => ({
  applicationId: randomUUID(),
  serviceCode: RETIREMENT.code,
  consent: RETIREMENT.evidence.map((e) => e.recordType),
  fields: { bankAccount: "6222021234567890" },
});
const req = (idempotencyKey?: string) => ({ requestId: randomUUID(), idempotencyKey });
const audits = (requestId: string) =>
  db.auditEntry.findMany({
    where: { requestId },
    select: { action: true, resource: true, allowed: true, detail: true },
  });
const outbox = (applicationId: string) => db.caseStartOutbox.count({ where: { applicationId } });

async function quietly<T>(f: () => Promise<T>): Promise<T> {
  const error = console.error;
  console.error = () => {};
  try {
    return await f();
  } finally {
    console.error = error;
  }
}

describe("submitApplication", () => {
  it("records a new application, starts its case with the service pinned, clears the outbox and audits once", async () => {
    const { deps: d, started } = deps();
    const body = newborn();
    const r = req();
    expect(await submitApplication(mei, body, r, d)).toEqual({ kind: "created", applicationId: body.applicationId });
    const row = await db.application.findUniqueOrThrow({ where: { id: body.applicationId } });
    expect(row).toMatchObject({
      serviceCode: NEWBORN,
      citizenId: mei,
      status: "SUBMITTED",
      consent: { fields: { babyName: body.fields.babyName } },
    });
    // The baby is the subject: the column holds a keyed hash, never the name.
    expect(row.subjectKey).toMatch(/^subject:[0-9a-f]{64}$/);
    expect(started).toEqual([
      {
        applicationId: body.applicationId,
        serviceCode: NEWBORN,
        subjectNationalId: "110105199003070021",
        consent: CONSENT,
        service: SERVICES[NEWBORN],
      },
    ]);
    expect(await outbox(body.applicationId)).toBe(0);
    expect(await audits(r.requestId)).toEqual([
      { action: "submit", resource: `case:${body.applicationId}`, allowed: true, detail: "created" },
    ]);
  });

  it("stores a typed identity number and bank account only sealed", async () => {
    const { deps: d, started } = deps();
    const service = SERVICES["property-transfer"];
    const body = {
      applicationId: randomUUID(),
      serviceCode: service.code,
      consent: service.evidence.map((e) => e.recordType),
      fields: { buyerNationalId: "330106199001010018", priceYuan: 1_000_000 },
    };
    expect(await submitApplication(lei, body, req(), d)).toMatchObject({ kind: "created" });
    const stored = (
      (await db.application.findUniqueOrThrow({ where: { id: body.applicationId } })).consent as {
        fields: Record<string, unknown>;
      }
    ).fields;
    expect(JSON.stringify(stored)).not.toContain("330106199001010018");
    expect(isSealed(stored.buyerNationalId as string)).toBe(true);
    expect(cipher.open(stored.buyerNationalId as string)).toBe("330106199001010018");
    expect(stored.priceYuan).toBe(1_000_000);
    expect(started[0]!.subjectNationalId).toBe("110105198811110013");
  });

  it("keeps the application and its outbox entry when the start fails, and a resubmit starts it", async () => {
    const body = newborn();
    const down = deps({ startFails: true });
    expect(await quietly(() => submitApplication(mei, body, req(), down.deps))).toEqual({
      kind: "created",
      applicationId: body.applicationId,
    });
    expect(await outbox(body.applicationId)).toBe(1);
    const up = deps();
    expect(await submitApplication(mei, body, req(), up.deps)).toEqual({
      kind: "existing",
      applicationId: body.applicationId,
    });
    expect(up.started.map((s) => s.applicationId)).toEqual([body.applicationId]);
    expect(await outbox(body.applicationId)).toBe(0);
    // Once started, a resubmit changes nothing and starts nothing.
    const again = deps();
    expect(await submitApplication(mei, body, req(), again.deps)).toEqual({
      kind: "existing",
      applicationId: body.applicationId,
    });
    expect(again.started).toEqual([]);
    expect(await db.application.count({ where: { id: body.applicationId } })).toBe(1);
  });

  it("honours the Idempotency-Key: the same body is the same application, another body is refused and changes nothing", async () => {
    const { deps: d } = deps();
    const key = randomUUID();
    const body = newborn();
    expect(await submitApplication(mei, body, req(key), d)).toMatchObject({ kind: "created" });
    expect(await submitApplication(mei, body, req(key), d)).toEqual({
      kind: "existing",
      applicationId: body.applicationId,
    });
    const other = newborn();
    const r = req(key);
    expect(await submitApplication(mei, other, r, d)).toEqual({ kind: "key-reused" });
    expect(await db.application.count({ where: { id: other.applicationId } })).toBe(0);
    expect(await audits(r.requestId)).toEqual([
      { action: "submit", resource: `case:${other.applicationId}`, allowed: false, detail: "key-reused" },
    ]);
    expect(await submitApplication(mei, body, req("not-a-uuid"), d)).toMatchObject({
      kind: "invalid",
      message: expect.stringMatching(/Idempotency-Key/),
    });
  });

  it("refuses a second open application for the same service and subject, naming the open one, until it closes", async () => {
    const { deps: d, started } = deps();
    const first = retirement();
    expect(await submitApplication(lei, first, req(), d)).toMatchObject({ kind: "created" });
    const second = retirement();
    const r = req();
    expect(await submitApplication(lei, second, r, d)).toEqual({
      kind: "already-open",
      applicationId: first.applicationId,
    });
    expect(await db.application.count({ where: { id: second.applicationId } })).toBe(0);
    expect(await outbox(second.applicationId)).toBe(0);
    expect(started).toHaveLength(1);
    expect(await audits(r.requestId)).toEqual([
      {
        action: "submit",
        resource: `case:${second.applicationId}`,
        allowed: false,
        detail: `already-open:case:${first.applicationId}`,
      },
    ]);
    // The database itself refuses it, whatever code writes.
    await expect(
      db.application.create({
        data: { id: randomUUID(), serviceCode: RETIREMENT.code, citizenId: lei, subjectKey: "self", consent: {} },
      }),
    ).rejects.toThrow(/Unique constraint/);
    // Once the first is closed, a new one is accepted.
    await db.application.update({ where: { id: first.applicationId }, data: { status: "CANCELLED" } });
    expect(await submitApplication(lei, retirement(), req(), d)).toMatchObject({ kind: "created" });
  });

  it("tells subjects apart: another baby may be applied for, the same baby (however spaced) not", async () => {
    const { deps: d } = deps();
    const first = newborn({ fields: { babyName: "李 小宝" } });
    expect(await submitApplication(lei, first, req(), d)).toMatchObject({ kind: "created" });
    expect(await submitApplication(lei, newborn({ fields: { babyName: " 李  小宝 " } }), req(), d)).toEqual({
      kind: "already-open",
      applicationId: first.applicationId,
    });
    expect(await submitApplication(lei, newborn({ fields: { babyName: "李小贝" } }), req(), d)).toMatchObject({
      kind: "created",
    });
  });

  it("makes one application of many concurrent submissions of different forms", async () => {
    const { deps: d } = deps();
    const citizen = (
      await db.user.create({
        data: {
          email: `${randomUUID()}@test.local`,
          name: "测试",
          passwordHash: "x",
          role: "CITIZEN",
          nationalId: "110105198811110013",
        },
      })
    ).id;
    const results = await Promise.all(
      Array.from({ length: 10 }, () => submitApplication(citizen, retirement(), req(), d)),
    );
    expect(results.filter((r) => r.kind === "created")).toHaveLength(1);
    expect(results.filter((r) => r.kind === "already-open")).toHaveLength(9);
    expect(await db.application.count({ where: { citizenId: citizen } })).toBe(1);
  });

  it("answers someone else's id as if it did not exist, and starts nothing for them", async () => {
    const { deps: d, started } = deps();
    const body = newborn();
    await submitApplication(mei, body, req(), d);
    expect(await submitApplication(lei, body, req(), d)).toEqual({ kind: "not-found" });
    expect(started).toHaveLength(1);
  });

  it("refuses an id already used for another service", async () => {
    const { deps: d, started } = deps();
    const body = newborn();
    await submitApplication(mei, body, req(), d);
    const service = SERVICES["school-enrolment"];
    const result = await submitApplication(
      mei,
      {
        applicationId: body.applicationId,
        serviceCode: service.code,
        consent: service.evidence.map((e) => e.recordType),
        fields: { childName: "周小明" },
      },
      req(),
      d,
    );
    expect(result).toEqual({
      kind: "invalid",
      code: "id-used-for-another-service",
      message: expect.stringMatching(/another service/),
    });
    expect(started).toHaveLength(1);
  });

  it("refuses bad fields, partial consent and a malformed body before writing anything but the audit entry", async () => {
    const { deps: d, started } = deps();
    const body = newborn();
    expect(await submitApplication(mei, { ...body, fields: {} }, req(), d)).toEqual({
      kind: "invalid",
      code: "invalid",
      message: "fields.babyName: this is required",
    });
    expect(
      await submitApplication(mei, { ...body, fields: { babyName: "王小宝", priceYuan: 5 } }, req(), d),
    ).toMatchObject({ kind: "invalid", code: "invalid", message: expect.stringMatching(/fields\.priceYuan/) });
    expect(await submitApplication(mei, { ...body, consent: CONSENT.slice(1) }, req(), d)).toMatchObject({
      kind: "invalid",
      code: "invalid",
      message: expect.stringMatching(/every record/),
    });
    const r = req();
    expect(await submitApplication(mei, { ...body, applicationId: "not-a-uuid" }, r, d)).toMatchObject({
      kind: "invalid",
      code: "invalid",
      message: expect.stringMatching(/applicationId/),
    });
    expect(await audits(r.requestId)).toEqual([
      { action: "submit", resource: "case:-", allowed: false, detail: "invalid:invalid" },
    ]);
    expect(await db.application.count({ where: { id: body.applicationId } })).toBe(0);
    expect(started).toEqual([]);
  });

  it("refuses an account with no national id, saying so", async () => {
    const { deps: d } = deps();
    const body = newborn();
    expect(await submitApplication(noId, body, req(), d)).toMatchObject({ kind: "invalid", code: "no-national-id" });
    expect(await db.application.count({ where: { id: body.applicationId } })).toBe(0);
  });
});
