import type { Db, Prisma } from "@visit-once/prisma";
import { type FieldCipher, sealSensitive } from "@visit-once/prisma/at-rest";
import type { CaseEventInput, OrchestratorActivities } from "@visit-once/workflows/contracts";

// A correction task at a department, as the officers' workbench, the citizen's case page and
// the board read it. Keyed by the id the workflow chose: a retry writes the same row, and a
// late "open" write never reopens an answered correction. What a person wrote is sealed like
// the exceptions' text (an identity number in it is never stored in clear).

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

export function createCorrectionProjection(
  db: Db,
  cipher: FieldCipher,
): Pick<OrchestratorActivities, "recordCorrection"> {
  return {
    async recordCorrection({ applicationId, correction: c, event }) {
      const answer = {
        status: c.status,
        fields: c.fields ? (sealSensitive(c.fields, cipher) as unknown as Prisma.InputJsonValue) : undefined,
        reason: c.reason !== undefined ? sealSensitive(c.reason, cipher) : undefined,
        answeredById: c.answeredById,
        closedAt: c.closedAt ? new Date(c.closedAt) : undefined,
      };
      await db.$transaction([
        db.correction.upsert({
          where: { id: c.id },
          create: {
            id: c.id,
            applicationId,
            exceptionId: c.exceptionId,
            departmentCode: c.department,
            recordType: c.recordType,
            explanation: sealSensitive(c.explanation, cipher),
            disputedValue: c.disputedValue !== undefined ? sealSensitive(c.disputedValue, cipher) : null,
            openedAt: new Date(c.openedAt),
            dueAt: new Date(c.dueAt),
            ...answer,
          },
          update: c.status === "OPEN" ? {} : answer,
        }),
        ...(event
          ? [db.caseEvent.createMany({ data: [eventRow(applicationId, event, cipher)], skipDuplicates: true })]
          : []),
      ]);
    },
  };
}
