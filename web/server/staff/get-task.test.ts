import { randomUUID } from "node:crypto";
import { TEST_CODEC_KEYS } from "@visit-once/workflows/contracts/payload-codec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testFieldCipher } from "@visit-once/prisma/at-rest";
import type { Actor } from "../access/policy";
import { testDb } from "../testing/database";
import { findTaskOffice } from "./find-task-office";
import { getExceptionCase } from "./get-exception-case";
import { getTask } from "./get-task";

// A retirement case and a conflict on real PostgreSQL: what the task and exception pages load,
// and the access-ledger entries the loading writes.
process.env.NEXTAUTH_SECRET ??= "get-task-test-secret";
process.env.VO_TEMPORAL_CODEC_KEYS ??= TEST_CODEC_KEYS;
const db = testDb();
const applicationId = randomUUID();
const BANK_ACCOUNT = "6222020200112233445";
const medicalOfficer: Actor = { id: randomUUID(), role: "OFFICER", departmentCode: "medical-security" };
const pensionOfficer: Actor = { id: randomUUID(), role: "OFFICER", departmentCode: "human-resources" };
const provenance = { sourceRecordId: "src-1", retrievedAt: new Date(), rawSha256: "0".repeat(64) };
const exceptionId = randomUUID();
const caseworker: Actor = { id: randomUUID(), role: "CASEWORKER", departmentCode: null };
let citizenId = "";
/** The ledger entries by one actor on this case, oldest first, as [kind, outcome, record types, fields]. */
const entriesBy = async (actorId: string) =>
  (await db.accessEvent.findMany({ where: { actorId, applicationId }, orderBy: { seq: "asc" } })).map((e) => [
    e.action,
    e.outcome,
    e.recordTypes,
    e.fields,
  ]);

beforeAll(async () => {
  const citizen = await db.user.create({
    data: { email: `${randomUUID()}@test.local`, name: "吴芳", passwordHash: "x", role: "CITIZEN" },
  });
  citizenId = citizen.id;
  await db.application.create({
    data: {
      id: applicationId,
      serviceCode: "retirement",
      citizenId: citizen.id,
      status: "IN_DEPARTMENTS",
      consent: {
        recordTypes: ["identity", "social-insurance", "medical-insurance"],
        fields: { bankAccount: testFieldCipher().seal(BANK_ACCOUNT) },
      },
      steps: {
        create: [
          {
            key: "pension-approval",
            position: 1,
            kind: "DEPARTMENT",
            departmentCode: "human-resources",
            status: "AWAITING_DECISION",
            startedAt: new Date(),
          },
          {
            key: "medical-insurance-change",
            position: 2,
            kind: "DEPARTMENT",
            departmentCode: "medical-security",
            status: "PENDING",
          },
        ],
      },
      records: {
        create: [
          {
            recordType: "identity",
            departmentCode: "public-security",
            data: {
              nationalId: "330105196403080027",
              fullName: "吴芳",
              sex: "F",
              birthDate: "1964-03-08",
              householdRegion: "330105",
              householdAddress: "杭州市拱墅区某路1号",
            },
            ...provenance,
          },
          {
            recordType: "social-insurance",
            departmentCode: "human-resources",
            data: {
              nationalId: "330105196403080027",
              fullName: "吴芳",
              birthDate: "1964-03-08",
              employerName: "某厂",
              firstMonth: "1994-01",
              lastMonth: "2024-01",
              contributionMonths: 360,
            },
            ...provenance,
          },
          {
            recordType: "medical-insurance",
            departmentCode: "medical-security",
            data: {
              nationalId: "330105196403080027",
              fullName: "吴民",
              birthDate: "1964-03-08",
              residentialAddress: "杭州市拱墅区某路1号",
              scheme: "urban-employee",
              status: "active",
              enrolledOn: "1994-01-01",
            },
            ...provenance,
          },
        ],
      },
      exceptions: {
        create: {
          id: exceptionId,
          kind: "CONFLICT",
          status: "OPEN",
          departmentCode: "medical-security",
          recordType: "medical-insurance",
          summary: "names differ",
          conflict: {
            field: "fullName",
            values: [
              { value: "吴芳", recordType: "identity", department: "public-security" },
              { value: "吴民", recordType: "medical-insurance", department: "medical-security" },
            ],
          },
          blocking: true,
          dueAt: new Date(),
        },
      },
    },
  });
});
afterAll(async () => {
  await db.application.delete({ where: { id: applicationId } });
  await db.$disconnect();
});

describe("the task page's data on PostgreSQL", () => {
  it("answers a step not yet offered to its office as absent, and offered once it awaits a decision", async () => {
    expect(await findTaskOffice(applicationId, "medical-insurance-change", db)).toEqual({
      office: "medical-security",
      offered: false,
      serviceCode: "retirement",
    });
    expect(await getTask(medicalOfficer, applicationId, "medical-insurance-change", db)).toBeNull();
    const refusal = await db.auditEntry.findFirst({
      where: { resource: `case:${applicationId}/step:medical-insurance-change`, actorId: medicalOfficer.id },
    });
    expect(refusal).toMatchObject({ allowed: false, detail: "the step has not reached this office yet" });
    // The refused attempt is on the ledger too, naming whose case it was; nothing was shown.
    expect(await entriesBy(medicalOfficer.id)).toEqual([["staff-view", "refused", [], []]]);

    await db.applicationStep.update({
      where: { applicationId_key: { applicationId, key: "medical-insurance-change" } },
      data: { status: "AWAITING_DECISION", startedAt: new Date() },
    });
    const task = await getTask(medicalOfficer, applicationId, "medical-insurance-change", db);
    expect(task).not.toBeNull();
    // The pension's bank account is not this office's business, nor the insured's address.
    expect(task!.citizenFields).toEqual([]);
    expect(JSON.stringify(task)).not.toContain(BANK_ACCOUNT);
    expect(JSON.stringify(task)).not.toContain("某路1号");
    expect(task!.records.map((r) => [r.recordType, Object.keys(r.data)])).toEqual([
      ["identity", ["nationalId", "fullName", "sex", "birthDate"]],
      ["medical-insurance", ["nationalId", "fullName", "scheme", "status", "enrolledOn"]],
    ]);
    // One entry per record type shown, with exactly the fields shown and that record's legal basis.
    const entries = await db.accessEvent.findMany({
      where: { actorId: medicalOfficer.id, applicationId, outcome: "allowed" },
      orderBy: { seq: "asc" },
    });
    expect(entries.map((e) => [e.recordTypes, e.fields, e.department, e.legalBasis])).toEqual([
      [
        ["identity"],
        ["birthDate", "fullName", "nationalId", "sex"],
        "public-security",
        "Resident Identity Card Law, art. 13",
      ],
      [
        ["medical-insurance"],
        ["enrolledOn", "fullName", "nationalId", "scheme", "status"],
        "medical-security",
        "Social Insurance Law, art. 23",
      ],
    ]);
    for (const e of entries) {
      expect(e).toMatchObject({
        action: "staff-view",
        actorRole: "OFFICER",
        actorOffice: "medical-security",
        subjectId: citizenId,
        serviceCode: "retirement",
        purpose: 'Deciding the step "Medical insurance change"',
      });
      expect(e.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(JSON.stringify(entries.map((e) => ({ ...e, seq: String(e.seq) })))).not.toContain(BANK_ACCOUNT);
    // The page re-reads itself every 2 s: the same view again is the same use, not a new entry.
    await getTask(medicalOfficer, applicationId, "medical-insurance-change", db);
    expect(await entriesBy(medicalOfficer.id)).toHaveLength(3);
  });

  it("gives the pension office the bank account it pays into, and not the medical insurance record", async () => {
    const task = await getTask(pensionOfficer, applicationId, "pension-approval", db);
    // Masked: the full number only through a reveal.
    expect(task!.citizenFields).toEqual([
      expect.objectContaining({ name: "bankAccount", value: "***************3445", revealable: true }),
    ]);
    expect(JSON.stringify(task)).not.toContain(BANK_ACCOUNT);
    expect(task!.records[0]).toMatchObject({ data: { nationalId: "3301**********0027" }, revealable: ["nationalId"] });
    expect(task!.records.map((r) => r.recordType)).toEqual(["identity", "social-insurance"]);
    // Another office's step stays absent, offered or not.
    expect(await getTask(pensionOfficer, applicationId, "medical-insurance-change", db)).toBeNull();
    // The typed bank account it was shown is an entry of its own (by name, never the number), resting on her consent.
    expect(await entriesBy(pensionOfficer.id)).toEqual([
      ["staff-view", "allowed", ["identity"], ["birthDate", "fullName", "nationalId", "sex"]],
      [
        "staff-view",
        "allowed",
        ["social-insurance"],
        ["birthDate", "contributionMonths", "employerName", "firstMonth", "fullName", "lastMonth", "nationalId"],
      ],
      ["staff-view", "allowed", [], ["bankAccount"]],
      ["staff-view", "refused", [], []],
    ]);
    const typed = await db.accessEvent.findFirst({
      where: { actorId: pensionOfficer.id, applicationId, fields: { has: "bankAccount" } },
    });
    expect(typed).toMatchObject({ consent: "the applicant's consent for this case", legalBasis: null });
  });

  it("gives a caseworker only the records a conflict is between", async () => {
    const found = await getExceptionCase(caseworker, exceptionId, db);
    expect(found!.records.map((r) => r.recordType).sort()).toEqual(["identity", "medical-insurance"]);
    expect(await entriesBy(caseworker.id)).toEqual([
      [
        "staff-view",
        "allowed",
        ["identity"],
        ["birthDate", "fullName", "householdAddress", "householdRegion", "nationalId", "sex"],
      ],
      [
        "staff-view",
        "allowed",
        ["medical-insurance"],
        ["birthDate", "enrolledOn", "fullName", "nationalId", "residentialAddress", "scheme", "status"],
      ],
    ]);
    expect(await db.accessEvent.findFirst({ where: { actorId: caseworker.id } })).toMatchObject({
      subjectId: citizenId,
      purpose: "Resolving an exception on the case",
      actorRole: "CASEWORKER",
    });
    await db.caseException.update({
      where: { id: exceptionId },
      data: { kind: "MISSING_RECORD", recordType: "social-insurance" },
    });
    await db.$executeRaw`UPDATE "CaseException" SET "conflict" = NULL WHERE "id" = ${exceptionId}::uuid`;
    expect((await getExceptionCase(caseworker, exceptionId, db))!.records.map((r) => r.recordType)).toEqual([
      "social-insurance",
    ]);
  });
});
