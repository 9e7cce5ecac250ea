import type { Db } from "@visit-once/prisma";
import { isUuid } from "@/lib/validation";
import { authorise } from "../access/authorise";
import type { Actor } from "../access/policy";

/**
 * An administrator clears a staff account's second factor: the person enrols again at their
 * next sign-in, and every session they have ends now. Audited through `authorise`; an
 * account the actor may not reset answers as absent.
 */
export async function resetSecondFactor(actor: Actor | null, userId: string, db: Db, now = new Date()): Promise<"reset" | "not-found"> {
  if (!isUuid(userId)) return "not-found";
  const target = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
  if (!target) return "not-found";
  const decision = await authorise(actor, "reset", { kind: "account", role: target.role }, `account:${target.id}/second-factor`, db);
  if (!decision.allowed) return "not-found";
  await db.$transaction([
    db.user.update({ where: { id: target.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } }),
    db.recoveryCode.deleteMany({ where: { userId: target.id } }),
    db.session.updateMany({ where: { userId: target.id, revokedAt: null }, data: { revokedAt: now, revokedReason: "second-factor-reset" } }),
  ]);
  return "reset";
}
