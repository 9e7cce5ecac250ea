// Reusing an e-certificate on real PostgreSQL: a school enrolment takes the household record
// from the household register page her newborn's registration issued, and the ledger says so.
import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@visit-once/prisma";
import { testFieldCipher } from "@visit-once/prisma/at-rest";
import { type EvidenceRecord, formatVerificationCode } from "@visit-once/workflows/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../testing/database";
import { createOrchestratorActivities } from "./orchestrator-activities";

let db: Db;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db?.$disconnect();
});

const household: EvidenceRecord = {
  recordType: "household",
  data: {
    region: "330102",
    address: "杭州市上城区",
    members: [{ name: "王美", nationalId: "330102199203150021", relation: "head" }],
  },
  provenance: {
    departmentCode: "public-security",
    sourceRecordId: "hh-1",
    retrievedAt: "2026-11-20T02:00:00.000Z",
    rawSha256: "b".repeat(64),
  },
};

/** A citizen of her own with a completed newborn registration that issued a household register page. */
async function citizenWithCertificate() {
  const activities = createOrchestratorActivities(db, {}, testFieldCipher());
  const citizen = await db.user.create({
    data: { email: `${randomUUID()}@test.local`, name: "王美", passwordHash: "-", role: "CITIZEN" },
  });
  const earlier = randomUUID();
  await db.application.create({
    data: { id: earlier, serviceCode: "newborn-registration", citizenId: citizen.id, status: "COMPLETED", consent: {} },
  });
  await activities.saveEvidence({ applicationId: earlier, stepKey: "fetch-household", record: household });
  const verificationCode = formatVerificationCode(randomBytes(15));
  const doc = await db.issuedDocument.create({
    data: {
      applicationId: earlier,
      key: "household-page",
      titleEn: "Household register page",
      titleZh: "户口簿登记页",
      issuedBy: "public-security",
      verificationCode,
    },
  });
  const later = randomUUID();
  await db.application.create({
    data: { id: later, serviceCode: "school-enrolment", citizenId: citizen.id, status: "FETCHING", consent: {} },
  });
  return { activities, citizen, later, verificationCode, issuedAt: doc.issuedAt };
}

describe("findCertificateEvidence", () => {
  it("gives a later school enrolment the household record from her valid certificate, which saveEvidence stores with its provenance and puts on the ledger", async () => {
    const { activities, citizen, later, verificationCode, issuedAt } = await citizenWithCertificate();
    const record = await activities.findCertificateEvidence({ applicationId: later, recordType: "household" });
    expect(record).toEqual({
      recordType: "household",
      data: household.data,
      provenance: {
        ...household.provenance,
        certificate: { verificationCode, issuedAt: issuedAt.toISOString(), issuedBy: "public-security" },
      },
    });
    await activities.saveEvidence({ applicationId: later, stepKey: "fetch-household", record: record! });
    await activities.saveEvidence({ applicationId: later, stepKey: "fetch-household", record: record! }); // a retry
    const stored = await db.evidenceRecord.findUniqueOrThrow({
      where: { applicationId_recordType: { applicationId: later, recordType: "household" } },
    });
    expect(stored.certificateCode).toBe(verificationCode);
    // Sealed at rest again, as every identity number is.
    expect(JSON.stringify(stored.data)).not.toContain("330102199203150021");
    const ledger = await db.accessEvent.findMany({ where: { applicationId: later } });
    expect(ledger.map((e) => [e.action, e.department, e.subjectId, e.recordTypes])).toEqual([
      ["certificate-reuse", "public-security", citizen.id, ["household"]],
    ]);
  });

  it("gives nothing for a revoked certificate, another service's record, or another citizen's case", async () => {
    const { activities, later, verificationCode } = await citizenWithCertificate();
    expect(await activities.findCertificateEvidence({ applicationId: later, recordType: "property" })).toBeNull();
    const stranger = await citizenWithCertificate();
    const strangerLater = randomUUID();
    await db.application.create({
      data: {
        id: strangerLater,
        serviceCode: "retirement",
        citizenId: stranger.citizen.id,
        status: "FETCHING",
        consent: {},
      },
    });
    expect(
      await activities.findCertificateEvidence({ applicationId: strangerLater, recordType: "household" }),
    ).toBeNull();
    await db.issuedDocument.update({ where: { verificationCode }, data: { revokedAt: new Date() } });
    expect(await activities.findCertificateEvidence({ applicationId: later, recordType: "household" })).toBeNull();
  });
});
