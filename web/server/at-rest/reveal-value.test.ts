import { randomUUID } from "node:crypto";
import { sealSensitive, testFieldCipher } from "@visit-once/prisma/at-rest";
import { TEST_CODEC_KEYS } from "@visit-once/workflows/contracts/payload-codec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../access/policy";
import { testAccount, testDb } from "@/testing/database";
import { revealValue } from "./reveal-value";

// The ledger writer reads the web's env (its signing key: none here, so no checkpoints).
process.env.NEXTAUTH_SECRET ??= "reveal-value-test-secret";
process.env.VO_TEMPORAL_CODEC_KEYS ??= TEST_CODEC_KEYS;

// A retirement case on real PostgreSQL, its numbers stored sealed: who may reveal what, and the ledger entry each reveal writes.
const db = testDb();
const cipher = testFieldCipher();
const applicationId = randomUUID();
const exceptionId = randomUUID();
const ID = "330105196403080027";
const BANK_ACCOUNT = "6222020200112233445";
const provenance = { sourceRecordId: "src-1", retrievedAt: new Date(), rawSha256: "0".repeat(64) };
let citizenId = "";
let pensionOfficer: Actor;
let medicalOfficer: Actor;
let caseworker: Actor;

beforeAll(async () => {
  const [citizen, pension, medical, worker] = await Promise.all([
    testAccount(db, "CITIZEN"),
    testAccount(db, "OFFICER", "human-resources"),
    testAccount(db, "OFFICER", "medical-security"),
    testAccount(db, "CASEWORKER"),
  ]);
  citizenId = citizen.id;
  [pensionOfficer, medicalOfficer, caseworker] = [pension, medical, worker];
  await db.application.create({
    data: {
      id: applicationId,
      serviceCode: "retirement",
      citizenId,
      status: "IN_DEPARTMENTS",
      consent: { fields: sealSensitive({ bankAccount: BANK_ACCOUNT }, cipher) },
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
            data: sealSensitive({ nationalId: ID, fullName: "吴芳", sex: "F", birthDate: "1964-03-08" }, cipher),
            ...provenance,
          },
        ],
      },
      exceptions: {
        create: {
          id: exceptionId,
          kind: "MISSING_RECORD",
          status: "OPEN",
          departmentCode: "public-security",
          recordType: "identity",
          summary: "x",
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

const reveals = (actorId: string) =>
  db.accessEvent.findMany({ where: { action: "reveal", actorId, applicationId }, orderBy: { seq: "asc" } });

describe("revealing a masked value", () => {
  it("shows an officer a field of her office's offered task in clear, after a ledger entry naming the field, case and citizen", async () => {
    const task = { via: "task", applicationId, stepKey: "pension-approval" } as const;
    expect(await revealValue(pensionOfficer, { ...task, recordType: null, field: "bankAccount" }, db)).toBe(
      BANK_ACCOUNT,
    );
    expect(await revealValue(pensionOfficer, { ...task, recordType: "identity", field: "nationalId" }, db)).toBe(ID);
    expect(await reveals(pensionOfficer.id)).toMatchObject([
      {
        actorRole: "OFFICER",
        actorOffice: "human-resources",
        subjectId: citizenId,
        recordTypes: [],
        fields: ["bankAccount"],
        serviceCode: "retirement",
        outcome: "allowed",
      },
      { subjectId: citizenId, recordTypes: ["identity"], fields: ["nationalId"] },
    ]);
  });

  it("refuses, as absence and without a ledger entry, another office, a step not yet offered, a field not masked or not granted, and bad input", async () => {
    const pending = { via: "task", applicationId, stepKey: "medical-insurance-change" } as const;
    expect(
      await revealValue(medicalOfficer, { ...pending, recordType: "identity", field: "nationalId" }, db),
    ).toBeNull();
    expect(
      await revealValue(
        medicalOfficer,
        { via: "task", applicationId, stepKey: "pension-approval", recordType: null, field: "bankAccount" },
        db,
      ),
    ).toBeNull();
    expect(
      await revealValue(
        pensionOfficer,
        { via: "task", applicationId, stepKey: "pension-approval", recordType: "identity", field: "fullName" },
        db,
      ),
    ).toBeNull();
    expect(
      await revealValue(
        pensionOfficer,
        {
          via: "task",
          applicationId,
          stepKey: "pension-approval",
          recordType: "medical-insurance",
          field: "nationalId",
        },
        db,
      ),
    ).toBeNull();
    expect(
      await revealValue(
        pensionOfficer,
        { via: "task", applicationId: "not-a-uuid", stepKey: "x", recordType: null, field: "bankAccount" },
        db,
      ),
    ).toBeNull();
    expect(
      await revealValue(
        null,
        { via: "task", applicationId, stepKey: "pension-approval", recordType: null, field: "bankAccount" },
        db,
      ),
    ).toBeNull();
    expect(
      await revealValue(
        caseworker,
        { via: "task", applicationId, stepKey: "pension-approval", recordType: null, field: "bankAccount" },
        db,
      ),
    ).toBeNull();
    expect(await reveals(medicalOfficer.id)).toEqual([]);
    expect(await reveals(caseworker.id)).toEqual([]);
    const refusal = await db.auditEntry.findFirst({ where: { actorId: medicalOfficer.id, action: "reveal" } });
    expect(refusal).toMatchObject({ allowed: false });
  });

  it("shows a caseworker a record tied to the exception, and nothing of a record it is not about", async () => {
    expect(
      await revealValue(caseworker, { via: "exception", exceptionId, recordType: "identity", field: "nationalId" }, db),
    ).toBe(ID);
    expect(
      await revealValue(
        caseworker,
        { via: "exception", exceptionId, recordType: "social-insurance", field: "nationalId" },
        db,
      ),
    ).toBeNull();
    expect(
      await revealValue(
        pensionOfficer,
        { via: "exception", exceptionId, recordType: "identity", field: "nationalId" },
        db,
      ),
    ).toBeNull();
    expect(await reveals(caseworker.id)).toMatchObject([
      { actorRole: "CASEWORKER", subjectId: citizenId, recordTypes: ["identity"], fields: ["nationalId"] },
    ]);
  });
});
