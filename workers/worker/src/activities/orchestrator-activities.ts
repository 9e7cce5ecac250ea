import type { Db, Prisma } from "@visit-once/prisma";
import { type FieldCipher, sealSensitive } from "@visit-once/prisma/at-rest";
import { appendAccessEventsInTransaction, type LedgerOptions } from "@visit-once/prisma/ledger";
import { readWorkingCalendar } from "@visit-once/prisma/working-calendar";
import type { OrchestratorActivities } from "@visit-once/workflows/contracts";
import { createCaseProjection } from "./case-projection";
import { transition, transitionSql } from "./case-status";
import { createCorrectionProjection } from "./correction-projection";
import { fieldCipher, type MailSettings, mailSettings } from "../env";
import { createMailer } from "../notifications/mailer";
import { createNotifyActivity } from "../notifications/notify-activity";
import { createSmsSender } from "../notifications/sms";
import { createCertificateEvidence } from "./certificate-evidence";
import { departmentFetchEntry } from "./department-fetch-entry";
import { guardUnstorable } from "./unstorable-data";

/**
 * Writes the case projection the pages read. Every write is an upsert or a guarded
 * update, so a retried activity, or writes arriving in any order, leave the same state.
 * Identity numbers and bank accounts are sealed with `cipher` before they are written (a
 * retry seals again with a fresh IV: the same value, another ciphertext). `ledger` null writes
 * no access-ledger entries: only the bench's trust-off comparison run.
 */
export function createOrchestratorActivities(
  db: Db,
  ledger: LedgerOptions | null = {},
  cipher: FieldCipher = fieldCipher(),
  mail: MailSettings = mailSettings(),
): OrchestratorActivities {
  const channels = { mailer: createMailer(db, mail), sms: createSmsSender(mail.sms), siteUrl: mail.siteUrl, cipher };
  return guardUnstorable({
    ...projectionWrites(db, ledger, cipher),
    loadWorkingCalendar: (range) => readWorkingCalendar(db, range),
    ...createNotifyActivity(db, channels),
  });
}

function projectionWrites(
  db: Db,
  ledger: LedgerOptions | null,
  cipher: FieldCipher,
): Omit<OrchestratorActivities, "loadWorkingCalendar" | "notify"> {
  return {
    async beginApplication({ applicationId, steps }) {
      // One statement: these writes sit on every case's critical path.
      const keys = steps.map((s) => s.key);
      const departments = steps.map((s) => s.departmentCode);
      const kinds = steps.map((s) => s.kind);
      await db.$executeRaw`
        WITH steps AS (
          INSERT INTO "ApplicationStep" ("applicationId", "key", "position", "kind", "departmentCode", "status", "startedAt")
          SELECT ${applicationId}::uuid, s.key, s.position - 1, s.kind::"StepKind", s.dept,
                 (CASE WHEN s.kind = 'FETCH' THEN 'RUNNING' ELSE 'PENDING' END)::"StepStatus",
                 CASE WHEN s.kind = 'FETCH' THEN now() END
          FROM unnest(${keys}::text[], ${departments}::text[], ${kinds}::text[]) WITH ORDINALITY AS s(key, dept, kind, position)
          ON CONFLICT ("applicationId", "key") DO NOTHING
        )
        ${transitionSql(applicationId, "FETCHING", ["SUBMITTED"])}`;
    },

    async saveEvidence({ applicationId, stepKey, record }) {
      const p = record.provenance;
      const data = JSON.stringify(sealSensitive(record.data, cipher));
      // Some departments key a record by the person's identity number (Medical Security does).
      const sourceRecordId = sealSensitive(p.sourceRecordId, cipher);
      // The evidence and its access-ledger entry commit together: a record is on a case only with its entry.
      await db.$transaction(
        async (tx) => {
          await tx.$executeRaw`
            WITH evidence AS (
              INSERT INTO "EvidenceRecord" ("applicationId", "recordType", "departmentCode", "sourceRecordId", "retrievedAt", "rawSha256", "data", "certificateCode")
              VALUES (${applicationId}::uuid, ${record.recordType}, ${p.departmentCode}, ${sourceRecordId}, ${p.retrievedAt}::timestamptz, ${p.rawSha256}, ${data}::jsonb, ${p.certificate?.verificationCode ?? null})
              ON CONFLICT ("applicationId", "recordType") DO UPDATE SET "departmentCode" = EXCLUDED."departmentCode",
                "sourceRecordId" = EXCLUDED."sourceRecordId", "retrievedAt" = EXCLUDED."retrievedAt",
                "rawSha256" = EXCLUDED."rawSha256", "data" = EXCLUDED."data", "certificateCode" = EXCLUDED."certificateCode"
            )
            INSERT INTO "ApplicationStep" ("applicationId", "key", "position", "departmentCode", "status", "startedAt", "completedAt")
            VALUES (${applicationId}::uuid, ${stepKey}, 0, ${p.departmentCode}, 'DONE', now(), now())
            ON CONFLICT ("applicationId", "key") DO UPDATE SET "status" = 'DONE', "completedAt" = now(), "detail" = NULL, "detailWords" = NULL`;
          if (ledger)
            await appendAccessEventsInTransaction(tx, [await departmentFetchEntry(tx, applicationId, record)], ledger);
        },
        // Over before the attempt's 10 s (startToCloseTimeout): an abandoned attempt must not hold
        // the ledger's lock while Temporal runs the next one (it used to allow 60 s + 60 s).
        { maxWait: 4_000, timeout: 5_000 },
      );
    },

    async markRecordsReady({ applicationId }) {
      await transition(db, applicationId, "RECORDS_READY", {
        from: ["SUBMITTED", "FETCHING"],
        where: { recordsReadyAt: null },
        data: { recordsReadyAt: new Date() },
      });
    },

    async failStep({ applicationId, stepKey, reason, words, waiting, done }) {
      const now = new Date();
      const status = waiting ? "RUNNING" : done ? "DONE" : "FAILED";
      const completedAt = waiting ? null : now;
      // No identity number is among a step's parameters (codes and counts), but the rule is one: sealed like the rest.
      const detailWords = words ? (sealSensitive(words, cipher) as Prisma.InputJsonValue) : undefined;
      await db.applicationStep.upsert({
        where: { applicationId_key: { applicationId, key: stepKey } },
        create: {
          applicationId,
          key: stepKey,
          position: 0,
          status,
          detail: sealSensitive(reason, cipher),
          detailWords,
          startedAt: now,
          completedAt,
        },
        update: { status, detail: sealSensitive(reason, cipher), detailWords, completedAt },
      });
    },

    ...createCertificateEvidence(db, cipher),
    ...createCaseProjection(db, cipher),
    ...createCorrectionProjection(db, cipher),
  };
}
