import type { Db } from "@visit-once/prisma";
import { z } from "zod";
import { authorise } from "../access/authorise";
import type { Actor } from "../access/policy";
import { db as defaultDb } from "../db";

export type ClaimOutcome = "claimed" | "released" | "taken" | "not-found";

/**
 * Takes an open exception (claim) or gives it back (unclaim). A caseworker never takes one
 * another caseworker holds, and gives back only their own.
 */
export async function claimException(
  actor: Actor | null,
  exceptionId: string,
  claim: boolean,
  db: Db = defaultDb(),
): Promise<ClaimOutcome> {
  if (!z.uuid().safeParse(exceptionId).success) return "not-found";
  const exception = await db.caseException.findUnique({
    where: { id: exceptionId },
    select: { applicationId: true, claimedById: true },
  });
  if (!exception) return "not-found";
  const decision = await authorise(
    actor,
    "claim",
    { kind: "exception", claimedById: exception.claimedById },
    `case:${exception.applicationId}/exception:${exceptionId}`,
    db,
  );
  if (!actor) return "not-found";
  // Only a caseworker learns that someone else holds it; anyone else is told there is nothing here.
  if (!decision.allowed)
    return actor.role === "CASEWORKER" && claim && exception.claimedById && exception.claimedById !== actor.id
      ? "taken"
      : "not-found";
  const open = { id: exceptionId, status: { not: "RESOLVED" } } as const;
  const { count } = claim
    ? await db.caseException.updateMany({
        where: { ...open, OR: [{ claimedById: null }, { claimedById: actor.id }] },
        data: { claimedById: actor.id },
      })
    : await db.caseException.updateMany({
        where: { id: exceptionId, claimedById: actor.id },
        data: { claimedById: null },
      });
  if (count === 0) return claim ? "taken" : "not-found";
  return claim ? "claimed" : "released";
}
