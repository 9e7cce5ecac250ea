import type { Db, Prisma } from "@visit-once/prisma";
import { type FieldCipher, sealSensitive } from "@visit-once/prisma/at-rest";
import {
  type CaseEventInput,
  type OrchestratorActivities,
  REVIEW_STEP_KEY,
  type StepDetail,
} from "@visit-once/workflows/contracts";
import { transition } from "./case-status";
import { mintVerificationCode } from "./verification-code";

// The projection of a case after its records arrive: status, department tasks,
// exceptions, requests for information, documents and the event history. Every write is
// an upsert or a guarded update keyed by ids the workflow chose, so a retried activity
// leaves the same rows; a final case is never moved. Text that holds an identity number
// (a conflict over the parents on a birth certificate names them) is stored sealed.

type CaseActivities = Pick<
  OrchestratorActivities,
  | "setCaseStatus"
  | "withdrawEvidence"
  | "recordTask"
  | "recordException"
  | "recordInformationRequest"
  | "issueDocument"
  | "mintAndIssueDocument"
  | "issueDocuments"
  | "revokeDocument"
  | "finishApplication"
  | "recordReview"
>;

type IssuedDocumentInput = Parameters<OrchestratorActivities["issueDocuments"]>[0]["documents"][number];

function eventRow(applicationId: string, e: CaseEventInput, cipher: FieldCipher): Prisma.CaseEventCreateManyInput {
  return {
    id: e.id,
    applicationId,
    kind: e.kind,
    actorId: e.actorId ?? null,
    messageEn: sealSensitive(e.message.en, cipher),
    messageZh: sealSensitive(e.message.zh, cipher),
    ...(e.words ? { words: sealSensitive(e.words, cipher) as Prisma.InputJsonValue } : {}),
  };
}

/**
 * The stored consent with a withdrawal noted beside what was submitted (which stays as it was).
 * Consent stored as a bare list (rows from before typed fields) is left as it is; the case's history still says it.
 */
function withWithdrawal(consent: Prisma.JsonValue, recordType: string): Prisma.InputJsonValue {
  if (!consent || typeof consent !== "object" || Array.isArray(consent)) return consent as Prisma.InputJsonValue;
  const withdrawn = Array.isArray(consent.withdrawn) ? consent.withdrawn : [];
  if (withdrawn.some((w) => typeof w === "object" && w !== null && !Array.isArray(w) && w.recordType === recordType))
    return consent as Prisma.InputJsonValue;
  return {
    ...consent,
    withdrawn: [...withdrawn, { recordType, withdrawnAt: new Date().toISOString() }],
  } as Prisma.InputJsonValue;
}

export function createCaseProjection(db: Db, cipher: FieldCipher): CaseActivities {
  const writeEvent = (applicationId: string, e?: CaseEventInput) =>
    e ? [db.caseEvent.createMany({ data: [eventRow(applicationId, e, cipher)], skipDuplicates: true })] : [];

  /**
   * A document's row with a code minted here, and its event. A retry mints another code, but
   * the first write for (application, key) stands, so one document never gets two codes. The
   * conflict target is the key alone: a clash on the code itself (1 in 2^120) fails the attempt,
   * and the retry mints a new one.
   */
  const mintAndIssue = (applicationId: string, { key, title, issuedBy, event }: IssuedDocumentInput) => [
    db.$executeRaw`
          INSERT INTO "IssuedDocument" ("applicationId", "key", "titleEn", "titleZh", "issuedBy", "verificationCode")
          VALUES (${applicationId}::uuid, ${key}, ${title.en}, ${title.zh}, ${issuedBy}, ${mintVerificationCode()})
          ON CONFLICT ("applicationId", "key") DO NOTHING`,
    ...writeEvent(applicationId, event),
  ];

  return {
    async setCaseStatus({ applicationId, status, event }) {
      // The check step is the citizen's view of the caseworkers' part.
      const review =
        status === "AWAITING_CASEWORKER"
          ? { status: "RUNNING" as const, detail: "A caseworker is checking the records.", startedAt: new Date() }
          : status === "IN_DEPARTMENTS"
            ? { status: "DONE" as const, detail: null, completedAt: new Date() }
            : undefined;
      await db.$transaction([
        transition(db, applicationId, status),
        ...(review
          ? [
              db.applicationStep.updateMany({
                where: { applicationId, key: REVIEW_STEP_KEY, status: { notIn: ["DONE", "FAILED"] } },
                data: review,
              }),
            ]
          : []),
        ...writeEvent(applicationId, event),
      ]);
    },

    async withdrawEvidence({ applicationId, recordType, stepKey, event }) {
      const words: StepDetail = { kind: "consent-withdrawn" };
      await db.$transaction(async (tx) => {
        const app = await tx.application.findUnique({ where: { id: applicationId }, select: { consent: true } });
        await tx.evidenceRecord.deleteMany({ where: { applicationId, recordType } });
        await tx.applicationStep.updateMany({
          where: { applicationId, key: stepKey },
          data: {
            status: "DONE",
            detail: "Consent withdrawn by the citizen.",
            detailWords: sealSensitive(words, cipher) as Prisma.InputJsonValue,
            completedAt: new Date(),
          },
        });
        if (app)
          await tx.application.update({
            where: { id: applicationId },
            data: { consent: withWithdrawal(app.consent, recordType) },
          });
        await tx.caseEvent.createMany({ data: [eventRow(applicationId, event, cipher)], skipDuplicates: true });
      });
    },

    async recordTask({
      applicationId,
      stepKey,
      office,
      status,
      dueAt,
      decidedById,
      reason,
      reminded,
      escalated,
      event,
    }) {
      const now = new Date();
      const decided = status === "APPROVED" || status === "REJECTED";
      const stepStatus = status === "APPROVED" ? "DONE" : status === "WAITING" ? "PENDING" : status;
      // A decision or revocation is never overwritten by a late "awaiting" write; a
      // revocation may land before the approval it undoes, and then the approval does not land.
      const replaceable =
        status === "REVOKED"
          ? ["DONE", "AWAITING_DECISION"]
          : status === "CANCELLED"
            ? ["PENDING", "AWAITING_DECISION", "AWAITING_CITIZEN"]
            : ["PENDING", "AWAITING_DECISION", "AWAITING_CITIZEN", "RUNNING"];
      await db.$transaction([
        db.applicationStep.updateMany({
          where: { applicationId, key: stepKey, departmentCode: office, status: { in: replaceable as never[] } },
          data: {
            status: stepStatus,
            ...(dueAt && status === "AWAITING_DECISION" && !reminded
              ? { dueAt: new Date(dueAt), startedAt: now, remindedAt: null, escalatedAt: null }
              : {}),
            ...(reminded ? { remindedAt: now } : {}),
            ...(escalated ? { escalatedAt: now } : {}),
            ...(decided ? { completedAt: now, decidedById: decidedById ?? null, detail: reason || null } : {}),
            ...(status === "AWAITING_CITIZEN" ? { detail: reason ?? null, decidedById: decidedById ?? null } : {}),
          },
        }),
        ...writeEvent(applicationId, event),
      ]);
    },

    async recordException({ applicationId, exception: x, dueAt, resolvedById, resolution, event }) {
      const resolved = x.status === "RESOLVED";
      const changes = {
        status: x.status,
        summary: sealSensitive(x.summary, cipher),
        ...(x.detail ? { detail: sealSensitive(x.detail, cipher) as Prisma.InputJsonValue } : {}),
        conflict: (sealSensitive(x.conflict, cipher) ?? undefined) as Prisma.InputJsonValue | undefined,
        ...(resolution !== undefined ? { resolution: sealSensitive(resolution, cipher) as Prisma.InputJsonValue } : {}),
        ...(resolvedById ? { resolvedById } : {}),
        resolvedAt: resolved ? new Date() : null,
      };
      await db.$transaction([
        db.caseException.upsert({
          where: { id: x.id },
          create: {
            id: x.id,
            applicationId,
            kind: x.kind,
            departmentCode: x.departmentCode,
            recordType: x.recordType ?? null,
            stepKey: x.stepKey ?? null,
            blocking: x.blocking,
            dueAt: new Date(dueAt),
            ...changes,
          },
          update: changes,
        }),
        ...writeEvent(applicationId, event),
      ]);
    },

    async recordInformationRequest({
      applicationId,
      id,
      question,
      askedById,
      dueAt,
      status,
      exceptionId,
      stepKey,
      reply,
      event,
    }) {
      await db.$transaction([
        db.informationRequest.upsert({
          where: { id },
          create: {
            id,
            applicationId,
            question,
            askedById,
            dueAt: new Date(dueAt),
            status,
            exceptionId: exceptionId ?? null,
            stepKey: stepKey ?? null,
            reply: reply ?? null,
          },
          // Only the answer and the status change; a late "open" write never reopens a request.
          update:
            status === "OPEN" ? {} : { status, ...(reply !== undefined ? { reply, answeredAt: new Date() } : {}) },
        }),
        ...writeEvent(applicationId, event),
      ]);
    },

    async recordReview({
      applicationId,
      id,
      status,
      desk,
      stepKey,
      exceptionId,
      refusedById,
      refusal,
      dueAt,
      grounds,
      reviewerId,
      reasons,
      event,
    }) {
      const now = new Date();
      const decided = status === "OVERTURNED" || status === "UPHELD" || status === "LAPSED";
      // The explanation names facts read from records (a birth date): stored sealed, like an exception's.
      const sealed = sealSensitive(refusal, cipher) as Prisma.InputJsonValue;
      const changes = {
        status,
        ...(grounds !== undefined ? { grounds, requestedAt: now } : {}),
        ...(decided ? { decidedAt: now, reviewerId: reviewerId ?? null, reasons: reasons ?? null } : {}),
      };
      await db.$transaction([
        db.caseReview.upsert({
          where: { id },
          create: {
            id,
            applicationId,
            desk,
            stepKey: stepKey ?? null,
            exceptionId: exceptionId ?? null,
            refusedById: refusedById ?? null,
            refusal: sealed,
            dueAt: new Date(dueAt),
            ...changes,
          },
          update: {},
        }),
        // Only forward: a late "offered" write never reopens a requested or decided review.
        db.caseReview.updateMany({
          where: { id, status: { in: status === "REQUESTED" ? ["OFFERED"] : decided ? ["OFFERED", "REQUESTED"] : [] } },
          data: changes,
        }),
        // Overturned, a rejected step is approved again: the case resumes where the refusal stopped it.
        ...(status === "OVERTURNED" && stepKey
          ? [
              db.applicationStep.updateMany({
                where: { applicationId, key: stepKey, status: "REJECTED" },
                data: { status: "DONE", completedAt: now },
              }),
            ]
          : []),
        ...writeEvent(applicationId, event),
      ]);
    },

    async issueDocument({ applicationId, key, title, issuedBy, verificationCode, event }) {
      await db.$transaction([
        db.issuedDocument.createMany({
          data: [{ applicationId, key, titleEn: title.en, titleZh: title.zh, issuedBy, verificationCode }],
          skipDuplicates: true,
        }),
        ...writeEvent(applicationId, event),
      ]);
    },

    async mintAndIssueDocument({ applicationId, ...document }) {
      await db.$transaction(mintAndIssue(applicationId, document));
    },

    async issueDocuments({ applicationId, documents }) {
      await db.$transaction([
        transition(db, applicationId, "ISSUING"),
        ...documents.flatMap((document) => mintAndIssue(applicationId, document)),
      ]);
    },

    async revokeDocument({ applicationId, key, event }) {
      await db.$transaction([
        db.issuedDocument.updateMany({
          where: { applicationId, key, revokedAt: null },
          data: { revokedAt: new Date() },
        }),
        ...writeEvent(applicationId, event),
      ]);
    },

    async finishApplication({ applicationId, status, reasons, reasonsZh, event }) {
      const now = new Date();
      const completed = status === "COMPLETED";
      await db.$transaction([
        db.applicationStep.updateMany({
          where: { applicationId, key: REVIEW_STEP_KEY, status: { notIn: ["DONE"] } },
          data: {
            status: completed ? "DONE" : status === "CANCELLED" ? "CANCELLED" : "FAILED",
            detail: sealSensitive(reasons.join(" "), cipher) || null,
            // Said in the reader's language by the pages; cases from before sent no Chinese reasons.
            ...(reasons.length > 0 && reasonsZh?.length === reasons.length
              ? {
                  detailWords: sealSensitive(
                    {
                      kind: "reasons",
                      reasons: reasons.map((en, i) => ({ en, zh: reasonsZh[i]! })),
                    } satisfies StepDetail,
                    cipher,
                  ),
                }
              : {}),
            completedAt: now,
          },
        }),
        // What was still open ends with the case.
        db.applicationStep.updateMany({
          where: { applicationId, status: { in: ["PENDING", "RUNNING", "AWAITING_DECISION", "AWAITING_CITIZEN"] } },
          data: { status: "CANCELLED", completedAt: now },
        }),
        db.caseException.updateMany({
          where: { applicationId, status: { not: "RESOLVED" } },
          data: { status: "RESOLVED", resolvedAt: now, resolution: { kind: "case-closed" } },
        }),
        db.informationRequest.updateMany({ where: { applicationId, status: "OPEN" }, data: { status: "CLOSED" } }),
        transition(db, applicationId, status, {
          data: {
            reasons: sealSensitive(reasons, cipher),
            reasonsZh: sealSensitive(reasonsZh ?? [], cipher),
            completedAt: now,
          },
        }),
        ...writeEvent(applicationId, event),
      ]);
    },
  };
}
