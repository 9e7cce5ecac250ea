import { randomBytes, randomUUID } from "node:crypto";
import { formatVerificationCode, VERIFICATION_CODE_BYTES } from "@visit-once/workflows/contracts";
import { TEST_CODEC_KEYS } from "@visit-once/workflows/contracts/payload-codec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testAccount, testDb } from "../../testing/database";
import { fieldCipher } from "@/env";
import type { Actor } from "../access/policy";
import { findOwnedDocument } from "./find-owned-document";

// A case with an issued document on real PostgreSQL; the ledger writer reads the web's env.
process.env.NEXTAUTH_SECRET ??= "find-owned-document-test-secret";
process.env.VO_TEMPORAL_CODEC_KEYS ??= TEST_CODEC_KEYS;
const db = testDb();
const APP = randomUUID();
const FOR_CHILD = randomUUID();
const ISSUED = new Date("2026-11-27T08:00:00Z");
const CODE = formatVerificationCode(randomBytes(VERIFICATION_CODE_BYTES));
const CHILD_CODE = formatVerificationCode(randomBytes(VERIFICATION_CODE_BYTES));
let owner: Actor;
let stranger: Actor;

const actor = (id: string, role: Actor["role"], departmentCode: string | null = null): Actor => ({
  id,
  role,
  departmentCode,
});
const ledgerOf = async (actorId: string) =>
  (await db.accessEvent.findMany({ where: { actorId, applicationId: APP }, orderBy: { seq: "asc" } })).map((e) => [
    e.action,
    e.outcome,
    e.subjectId,
    e.fields,
  ]);

beforeAll(async () => {
  owner = actor((await testAccount(db, "CITIZEN")).id, "CITIZEN");
  // Sealed at rest, as every identity number is; the certificate shows it masked.
  await db.user.update({
    where: { id: owner.id },
    data: { name: "陈华", nationalId: fieldCipher().seal("110101201001011234") },
  });
  stranger = actor((await testAccount(db, "CITIZEN")).id, "CITIZEN");
  await db.application.create({
    data: {
      id: APP,
      serviceCode: "newborn-registration",
      citizenId: owner.id,
      status: "COMPLETED",
      consent: {},
      documents: {
        create: {
          key: "household-page",
          titleEn: "Household register page",
          titleZh: "户口簿页",
          issuedBy: "public-security",
          verificationCode: CODE,
          issuedAt: ISSUED,
        },
      },
    },
  });
  // Her application for her child: the child holds what it issues.
  await db.application.create({
    data: {
      id: FOR_CHILD,
      serviceCode: "child-medical-insurance",
      citizenId: owner.id,
      status: "COMPLETED",
      consent: {},
      actingBasis: "minor-child",
      subjectName: "陈小华",
      subjectNationalId: fieldCipher().seal("110101202001011238"),
      documents: {
        create: {
          key: "insurance-card",
          titleEn: "Medical insurance enrolment",
          titleZh: "医保参保凭证",
          issuedBy: "medical-security",
          verificationCode: CHILD_CODE,
          issuedAt: ISSUED,
        },
      },
    },
  });
});
afterAll(async () => {
  await db.application.deleteMany({ where: { id: { in: [APP, FOR_CHILD] } } });
  await db.$disconnect();
});

describe("findOwnedDocument on PostgreSQL", () => {
  it("gives the owner their document, whatever the code's case and spacing, and puts the download on the ledger", async () => {
    expect(await findOwnedDocument(owner, `  ${CODE.toLowerCase()} `, db)).toEqual({
      applicationId: APP,
      serviceCode: "newborn-registration",
      key: "household-page",
      titleEn: "Household register page",
      titleZh: "户口簿页",
      issuedBy: "public-security",
      verificationCode: CODE,
      issuedAt: ISSUED,
      revokedAt: null,
      holderName: "陈华",
      holderIdMasked: "1101**********1234",
    });
    // An allowed download is not a mutation: nothing to audit; it is a use of her data: on the ledger.
    expect(await db.auditEntry.count({ where: { actorId: owner.id } })).toBe(0);
    expect(await ledgerOf(owner.id)).toEqual([["document-download", "allowed", owner.id, ["document:household-page"]]]);
    expect(await db.accessEvent.findFirst({ where: { actorId: owner.id } })).toMatchObject({
      department: "public-security",
      serviceCode: "newborn-registration",
      purpose: "Downloading an outcome document of the case",
    });
  });

  it("names the person the case is about as the holder: a parent's case for her child names the child", async () => {
    expect(await findOwnedDocument(owner, CHILD_CODE, db)).toMatchObject({
      applicationId: FOR_CHILD,
      holderName: "陈小华",
      holderIdMasked: "1101**********1238",
    });
  });

  it("refuses everyone else, staff included, audits each refusal and puts it on the ledger (an anonymous one is only counted)", async () => {
    const caseworker = actor((await testAccount(db, "CASEWORKER")).id, "CASEWORKER");
    const officer = actor((await testAccount(db, "OFFICER", "public-security")).id, "OFFICER", "public-security");
    for (const who of [stranger, caseworker, officer]) {
      expect(await findOwnedDocument(who, CODE, db)).toBeNull();
      expect(await db.auditEntry.findMany({ where: { actorId: who.id } })).toEqual([
        expect.objectContaining({
          action: "download",
          resource: `case:${APP}/document:household-page`,
          allowed: false,
        }),
      ]);
      // Whose document it was is named: she sees that someone tried.
      expect(await ledgerOf(who.id)).toEqual([["document-download", "refused", owner.id, []]]);
    }
    const anonymousBefore = await db.accessEvent.count({ where: { applicationId: APP, actorId: null } });
    expect(await findOwnedDocument(null, CODE, db)).toBeNull();
    expect(await db.accessEvent.count({ where: { applicationId: APP, actorId: null } })).toBe(anonymousBefore);
  });

  it("finds nothing for a code that is not one or is unknown, and writes nothing", async () => {
    const before = await db.accessEvent.count({ where: { actorId: owner.id } });
    expect(await findOwnedDocument(owner, "VO-XYZ", db)).toBeNull();
    expect(await findOwnedDocument(owner, "'; drop table", db)).toBeNull();
    expect(await findOwnedDocument(owner, "VO-0000-0000-0000", db)).toBeNull();
    expect(await db.accessEvent.count({ where: { actorId: owner.id } })).toBe(before);
    expect(await db.auditEntry.count({ where: { actorId: owner.id } })).toBe(0);
  });
});
