import { randomUUID } from "node:crypto";
import type { Db } from "@visit-once/prisma";
import { isUuid } from "@/lib/validation";
import { authoriseMutation } from "../access/authorise";
import type { Actor } from "../access/policy";

/**
 * An administrator clears a staff account's second factor: the person enrols again at their
 * next sign-in, and every session they have ends now. Audited (with the request id) through
 * `authoriseMutation`; an account the actor may not reset answers as absent.
 */
export async function resetSecondFactor(
  actor: Actor | null,
  userId: string,
  db: Db,
  now = new Date(),
  requestId: string = randomUUID(),
): Promise<"reset" | "not-found"> {
  if (!isUuid(userId)) return "not-found";
  const target = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
  if (!target) return "not-found";
  const decision = await authoriseMutation(
    actor,
    "reset",
    { kind: "account", role: target.role },
    `account:${target.id}/second-factor`,
    requestId,
    async (tx) => {
      await tx.user.update({
        where: { id: target.id },
        data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
      });
      await tx.recoveryCode.deleteMany({ where: { userId: target.id } });
      const ended = await tx.session.updateMany({
        where: { userId: target.id, revokedAt: null },
        data: { revokedAt: now, revokedReason: "second-factor-reset" },
      });
      return { outcome: `done:${ended.count}-sessions-ended` };
    },
    db,
  );
  return decision.allowed ? "reset" : "not-found";
}
