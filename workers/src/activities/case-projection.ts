import type { Db, Prisma } from "@visit-once/prisma";
import { type FieldCipher, sealSensitive } from "@visit-once/prisma/at-rest";
import { type CaseEventInput, FINAL_STATUSES, type OrchestratorActivities, REVIEW_STEP_KEY } from "@visit-once/workflows/contracts";
import { mintVerificationCode } from "./verification-code";

// The projection of a case after its records arrive: status, department tasks,
// exceptions, requests for information, documents and the event history. Every write is
// an upsert or a guarded update keyed by ids the workflow chose, so a retried activity
// leaves the same rows; a final case is never moved. Text that holds an identity number
// (a conflict over the parents on a birth certificate names them) is stored sealed.

type CaseActivities = Pick<
  OrchestratorActivities,
  "setCaseStatus" | "recordTask" | "recordException" | "recordInformationRequest" | "issueDocument" | "mintAndIssueDocument" | "revokeDocument" | "finishApplication"
>;

function eventRow(applicationId: string, e: CaseEventInput, cipher: FieldCipher): Prisma.CaseEventCreateManyInput {
  return { id: e.id, applicationId, kind: e.kind, actorId: e.actorId ?? null, messageEn: sealSensitive(e.message.en, cipher), messageZh: sealSensitive(e.message.zh, cipher) };
}

export function createCaseProjection(db: Db, cipher: FieldCipher): CaseActivities {
  const writeEvent = (applicationId: string, e?: CaseEventInput) =>
    e ? [db.caseEvent.createMany({ data: [eventRow(applicationId, e, cipher)], skipDuplicates: true })] : [];

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
        db.application.updateMany({ where: { id: applicationId, status: { notIn: [...FINAL_STATUSES] } }, data: { status } }),
        ...(review ? [db.applicationStep.updateMany({ where: { applicationId, key: REVIEW_STEP_KEY, status: { notIn: ["DONE", "FAILED"] } }, data: review })] : []),
        ...writeEvent(applicationId, event),
      ]);
    },

    async recordTask({ applicationId, stepKey, office, status, dueAt, decidedById, reason, reminded, escalated, event }) {
      const now = new Date();
      const decided = status === "APPROVED" || status === "REJECTED";
      const stepStatus = status === "APPROVED" ? "DONE" : status === "WAITING" ? "PENDING" : status;
      // A decision or revocation is never overwritten by a late "awaiting" write; a
      // revocation may land before the approval it undoes, and then the approval does not land.
      const replaceable = status === "REVOKED" ? ["DONE", "AWAITING_DECISION"] : status === "CANCELLED" ? ["PENDING", "AWAITING_DECISION", "AWAITING_CITIZEN"] : ["PENDING", "AWAITING_DECISION", "AWAITING_CITIZEN", "RUNNING"];
      await db.$transaction([
        db.applicationStep.updateMany({
          where: { applicationId, key: stepKey, departmentCode: office, status: { in: replaceable as never[] } },
          data: {
            status: stepStatus,
            ...(dueAt && status === "AWAITING_DECISION" && !reminded ? { dueAt: new Date(dueAt), startedAt: now, remindedAt: null, escalatedAt: null } : {}),
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

    async recordInformationRequest({ applicationId, id, question, askedById, dueAt, status, exceptionId, stepKey, reply, event }) {
      await db.$transaction([
        db.informationRequest.upsert({
          where: { id },
          create: { id, applicationId, question, askedById, dueAt: new Date(dueAt), status, exceptionId: exceptionId ?? null, stepKey: stepKey ?? null, reply: reply ?? null },
          // Only the answer and the status change; a late "open" write never reopens a request.
          update: status === "OPEN" ? {} : { status, ...(reply !== undefined ? { reply, answeredAt: new Date() } : {}) },
        }),
        ...writeEvent(applicationId, event),
      ]);
    },

    async issueDocument({ applicationId, key, title, issuedBy, verificationCode, event }) {
      await db.$transaction([
        db.issuedDocument.createMany({ data: [{ applicationId, key, titleEn: title.en, titleZh: title.zh, issuedBy, verificationCode }], skipDuplicates: true }),
        ...writeEvent(applicationId, event),
      ]);
    },

    async mintAndIssueDocument({ applicationId, key, title, issuedBy, event }) {
      // A retry mints another code, but the first write for (application, key) stands, so
      // one document never gets two codes. The conflict target is the key alone: a clash on
      // the code itself (1 in 2^120) fails the attempt, and the retry mints a new one.
      const verificationCode = mintVerificationCode();
      await db.$transaction([
        db.$executeRaw`
          INSERT INTO "IssuedDocument" ("applicationId", "key", "titleEn", "titleZh", "issuedBy", "verificationCode")
          VALUES (${applicationId}::uuid, ${key}, ${title.en}, ${title.zh}, ${issuedBy}, ${verificationCode})
          ON CONFLICT ("applicationId", "key") DO NOTHING`,
        ...writeEvent(applicationId, event),
      ]);
    },

    async revokeDocument({ applicationId, key, event }) {
      await db.$transaction([
        db.issuedDocument.updateMany({ where: { applicationId, key, revokedAt: null }, data: { revokedAt: new Date() } }),
        ...writeEvent(applicationId, event),
      ]);
    },

    async finishApplication({ applicationId, status, reasons, reasonsZh, event }) {
      const now = new Date();
      const completed = status === "COMPLETED";
      await db.$transaction([
        db.applicationStep.updateMany({
          where: { applicationId, key: REVIEW_STEP_KEY, status: { notIn: ["DONE"] } },
          data: { status: completed ? "DONE" : status === "CANCELLED" ? "CANCELLED" : "FAILED", detail: sealSensitive(reasons.join(" "), cipher) || null, completedAt: now },
        }),
        // What was still open ends with the case.
        db.applicationStep.updateMany({ where: { applicationId, status: { in: ["PENDING", "RUNNING", "AWAITING_DECISION", "AWAITING_CITIZEN"] } }, data: { status: "CANCELLED", completedAt: now } }),
        db.caseException.updateMany({ where: { applicationId, status: { not: "RESOLVED" } }, data: { status: "RESOLVED", resolvedAt: now, resolution: { kind: "case-closed" } } }),
        db.informationRequest.updateMany({ where: { applicationId, status: "OPEN" }, data: { status: "CLOSED" } }),
        db.application.updateMany({ where: { id: applicationId, status: { notIn: [...FINAL_STATUSES] } }, data: { status, reasons: sealSensitive(reasons, cipher), reasonsZh: sealSensitive(reasonsZh ?? [], cipher), completedAt: now } }),
        ...writeEvent(applicationId, event),
      ]);
    },
  };
}
