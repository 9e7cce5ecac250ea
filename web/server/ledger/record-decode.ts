import { caseSubjectId } from "@visit-once/prisma";
import type { Db } from "@visit-once/prisma";
import type { Actor } from "../access/policy";
import { db as defaultDb } from "../db";
import { currentRequestId } from "../http/request-id";
import { recordAccessInTransaction } from "./record-access";
import { USE_PURPOSES } from "./use-entries";

/**
 * One ledger entry per decode request of the Temporal UI: who, the outcome, the field names
 * opened and, when the payloads name exactly one case, that case and whose it is (looked up in
 * the same transaction as the entry). Payloads naming no case, or several, leave it empty.
 */
export async function recordDecode(
  actor: Actor,
  outcome: "allowed" | "refused" | "undecodable",
  opened: { applicationIds: string[]; fields: string[] },
  db: Db = defaultDb(),
): Promise<void> {
  const requestId = await currentRequestId();
  const applicationId = opened.applicationIds.length === 1 ? opened.applicationIds[0] : undefined;
  await db.$transaction(
    async (tx) => {
      const app = applicationId
        ? await tx.application.findUnique({
            where: { id: applicationId },
            select: { citizenId: true, subjectUserId: true, subjectIndex: true, serviceCode: true },
          })
        : null;
      await recordAccessInTransaction(tx, [
        {
          actor: { id: actor.id, role: actor.role, office: actor.departmentCode },
          subjectId: app ? caseSubjectId(app) : null,
          action: "codec-decode",
          fields: opened.fields,
          purpose: USE_PURPOSES.decode,
          serviceCode: app?.serviceCode ?? null,
          applicationId: app ? applicationId : null,
          requestId,
          outcome,
        },
      ]);
    },
    // Queues on the ledger's lock behind other writers.
    { maxWait: 30_000, timeout: 30_000 },
  );
}
