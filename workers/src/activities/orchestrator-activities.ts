import type { Db } from "@visit-once/prisma";
import type { OrchestratorActivities } from "@visit-once/workflows/contracts";

/**
 * Writes the case projection the pages read. Every write is an upsert or a guarded
 * update, so a retried activity, or writes arriving in any order, leave the same state.
 */
export function createOrchestratorActivities(db: Db): OrchestratorActivities {
  return {
    async beginApplication({ applicationId, steps }) {
      const now = new Date();
      await db.applicationStep.createMany({
        data: steps.map((s, position) => ({
          applicationId,
          key: s.key,
          position,
          departmentCode: s.departmentCode,
          status: s.departmentCode ? "RUNNING" : "PENDING",
          startedAt: s.departmentCode ? now : null,
        })),
        skipDuplicates: true,
      });
      await db.application.updateMany({ where: { id: applicationId, status: "SUBMITTED" }, data: { status: "FETCHING" } });
    },

    async saveEvidence({ applicationId, stepKey, record, expectedRecords }) {
      const retrievedAt = new Date(record.provenance.retrievedAt);
      const evidence = {
        departmentCode: record.provenance.departmentCode,
        sourceRecordId: record.provenance.sourceRecordId,
        retrievedAt,
        rawSha256: record.provenance.rawSha256,
        data: record.data as object,
      };
      await db.evidenceRecord.upsert({
        where: { applicationId_recordType: { applicationId, recordType: record.recordType } },
        create: { applicationId, recordType: record.recordType, ...evidence },
        update: evidence,
      });
      const now = new Date();
      await db.applicationStep.upsert({
        where: { applicationId_key: { applicationId, key: stepKey } },
        create: { applicationId, key: stepKey, position: 0, departmentCode: evidence.departmentCode, status: "DONE", startedAt: now, completedAt: now },
        update: { status: "DONE", completedAt: now, detail: null },
      });
      // Separate statements, each committed: whichever save lands last sees every record.
      await db.$executeRaw`
        UPDATE "Application" SET "recordsReadyAt" = now(), "status" = 'RECORDS_READY', "updatedAt" = now()
        WHERE "id" = ${applicationId}::uuid AND "recordsReadyAt" IS NULL AND "status" IN ('SUBMITTED', 'FETCHING')
          AND (SELECT count(*) FROM "EvidenceRecord" WHERE "applicationId" = ${applicationId}::uuid) >= ${expectedRecords}`;
    },

    async failStep({ applicationId, stepKey, reason }) {
      const now = new Date();
      await db.applicationStep.upsert({
        where: { applicationId_key: { applicationId, key: stepKey } },
        create: { applicationId, key: stepKey, position: 0, status: "FAILED", detail: reason, completedAt: now },
        update: { status: "FAILED", detail: reason, completedAt: now },
      });
    },

    async finishApplication({ applicationId, status, reasons }) {
      const now = new Date();
      await db.applicationStep.updateMany({
        where: { applicationId, key: "review" },
        data: { status: status === "COMPLETED" ? "DONE" : "FAILED", detail: reasons.join(" ") || null, startedAt: now, completedAt: now },
      });
      await db.application.updateMany({
        where: { id: applicationId, status: { notIn: ["COMPLETED", "FAILED"] } },
        data: { status, completedAt: now },
      });
    },
  };
}
