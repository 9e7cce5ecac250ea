import { caseSubjectId } from "@visit-once/prisma";
import type { Db } from "@visit-once/prisma";
import type { AccessAction } from "@visit-once/prisma/ledger";
import type { Actor } from "../access/policy";
import { db as defaultDb } from "../db";
import { currentRequestId } from "../http/request-id";
import { recordAccessInTransaction } from "./record-access";
import { refusedEntry } from "./use-entries";

/**
 * A signed-in person refused a case that exists (another office's step, a step not yet offered,
 * someone else's document): nothing was shown, but the attempt goes on the ledger, naming whose
 * case it was, so the citizen and the office see it. The case is looked up in the same
 * transaction as the entry. A case that does not exist names nobody: the audit log has it.
 */
export async function recordRefusedUse(
  actor: Actor,
  action: AccessAction,
  applicationId: string,
  purpose: string,
  db: Db = defaultDb(),
): Promise<void> {
  const requestId = await currentRequestId();
  await db.$transaction(
    async (tx) => {
      const app = await tx.application.findUnique({
        where: { id: applicationId },
        select: { citizenId: true, subjectUserId: true, subjectIndex: true, serviceCode: true },
      });
      if (!app) return;
      await recordAccessInTransaction(tx, [
        refusedEntry({
          actor,
          action,
          subjectId: caseSubjectId(app),
          applicationId,
          serviceCode: app.serviceCode,
          purpose,
          requestId,
        }),
      ]);
    },
    // Queues on the ledger's lock behind other writers.
    { maxWait: 30_000, timeout: 30_000 },
  );
}
