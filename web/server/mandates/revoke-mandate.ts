import type { Db } from "@visit-once/prisma";
import { isUuid } from "@/lib/validation";
import { authoriseMutation } from "../access/authorise";
import type { Actor } from "../access/policy";
import { db as defaultDb } from "../db";

export type RevokeResult = "revoked" | "unchanged" | "not-found";

/**
 * Ends a mandate at once: its holder can start no case under it and act on none she started
 * (the case itself goes on: see acting-for.ts). Its grantor revokes it; a caseworker records the
 * revocation of a notarised one. Revoking twice changes nothing. Audited; a refusal looks like absence.
 */
export async function revokeMandate(
  actor: Actor | null,
  mandateId: string,
  requestId: string,
  db: Db = defaultDb(),
): Promise<RevokeResult> {
  if (!actor || !isUuid(mandateId)) return "not-found";
  const mandate = await db.mandate.findUnique({
    where: { id: mandateId },
    select: { id: true, grantorId: true, source: true },
  });
  if (!mandate) return "not-found";
  const decision = await authoriseMutation(
    actor,
    "revoke",
    { kind: "mandate", grantorId: mandate.grantorId, source: mandate.source },
    `mandate:${mandate.id}`,
    requestId,
    async (tx) => {
      const { count } = await tx.mandate.updateMany({
        where: { id: mandate.id, revokedAt: null },
        data: { revokedAt: new Date(), revokedById: actor.id },
      });
      return { outcome: count === 1 ? "done" : "unchanged" };
    },
    db,
  );
  if (!decision.allowed) return "not-found";
  return decision.result.outcome === "done" ? "revoked" : "unchanged";
}
