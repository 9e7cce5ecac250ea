// saveEvidence on real PostgreSQL: each record a department sends for a case lands on the
// access ledger in the same transaction, once however often the activity is retried.
import { randomUUID } from "node:crypto";
import { DEMO_CITIZENS, type Db } from "@visit-once/prisma";
import { verifyLedger } from "@visit-once/prisma/ledger";
import type { EvidenceRecord } from "@visit-once/workflows/contracts";
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

const identity = (retrievedAt: string): EvidenceRecord => ({
  recordType: "identity",
  data: { name: "测试", gender: "F", birthDate: "1990-01-01", householdAddress: "杭州市" },
  provenance: { departmentCode: "public-security", sourceRecordId: "src-1", retrievedAt, rawSha256: "a".repeat(64) },
});

describe("saveEvidence writes the department fetch to the access ledger", () => {
  it("says whose record, which office, service, purpose, legal basis and consent; a retry appends nothing; a refetch appends again", async () => {
    const citizen = await db.user.findUniqueOrThrow({ where: { email: DEMO_CITIZENS[0].email } });
    const applicationId = randomUUID();
    const consentedAt = "2026-11-30T08:00:00.000Z";
    await db.application.create({
      data: {
        id: applicationId,
        serviceCode: "newborn-registration",
        citizenId: citizen.id,
        consent: { consentedAt, records: [] },
      },
    });
    const activities = createOrchestratorActivities(db);
    const first = identity("2026-11-30T08:00:01.000Z");
    await activities.saveEvidence({ applicationId, stepKey: "fetch:identity", record: first });
    await activities.saveEvidence({ applicationId, stepKey: "fetch:identity", record: first });

    const entries = await db.accessEvent.findMany({ where: { applicationId }, orderBy: { seq: "asc" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "department-fetch",
      actorRole: "SYSTEM",
      subjectId: citizen.id,
      department: "public-security",
      recordTypes: ["identity"],
      fields: ["birthDate", "gender", "householdAddress", "name"],
      serviceCode: "newborn-registration",
      purpose: "Confirm who you are and where your household is registered",
      legalBasis: "Resident Identity Card Law, art. 13",
      consent: `the applicant's consent of ${consentedAt} for this case`,
      outcome: "delivered",
    });
    // Whose data is the account id, never the identity number or the record's content.
    expect(JSON.stringify(entries[0], (_, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toMatch(
      /测试|杭州|1990-01-01/,
    );

    await activities.saveEvidence({
      applicationId,
      stepKey: "fetch:identity",
      record: identity("2026-11-30T09:00:00.000Z"),
    });
    expect(await db.accessEvent.count({ where: { applicationId } })).toBe(2);
    expect((await verifyLedger(db)).ok).toBe(true);
  });

  it("writes neither the evidence nor the entry when the evidence cannot be saved", async () => {
    const applicationId = randomUUID();
    await expect(
      createOrchestratorActivities(db).saveEvidence({
        applicationId,
        stepKey: "fetch:identity",
        record: identity("2026-11-30T08:00:01.000Z"),
      }),
    ).rejects.toThrow();
    expect(await db.accessEvent.count({ where: { applicationId } })).toBe(0);
  });
});
