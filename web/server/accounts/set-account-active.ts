import type { Db } from "@visit-once/prisma";
import { isUuid } from "@/lib/validation";
import { authoriseMutation } from "../access/authorise";
import type { Actor } from "../access/policy";
import type { AccountErrorCode } from "./account-input";
import { wouldLeaveNoAdmin } from "./last-admin";

export type ActiveResult = { ok: true; outcome: "done" | "unchanged" } | { ok: false; error: AccountErrorCode };

/**
 * An administrator deactivates a staff account (no more sign-ins, and every session it has ends
 * now, in the same transaction) or reactivates it (they sign in again with their password and
 * second factor). Deactivating the last active administrator is refused. Repeating either
 * changes nothing (`unchanged`). Audited; a refusal looks like absence.
 */
export async function setAccountActive(
  actor: Actor | null,
  userId: string,
  active: boolean,
  requestId: string,
  db: Db,
  now = new Date(),
): Promise<ActiveResult> {
  if (!isUuid(userId)) return { ok: false, error: "not-found" };
  const target = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
  if (!target || target.role === "CITIZEN") return { ok: false, error: "not-found" };
  const decision = await authoriseMutation(
    actor,
    active ? "reactivate" : "deactivate",
    { kind: "account", role: target.role },
    `account:${target.id}`,
    requestId,
    async (tx) => {
      const current = await tx.user.findUnique({
        where: { id: target.id },
        select: { role: true, deactivatedAt: true },
      });
      if (!current) return { outcome: "not-found" };
      if (active) {
        if (!current.deactivatedAt) return { outcome: "unchanged" };
        await tx.user.update({ where: { id: target.id }, data: { deactivatedAt: null } });
        return { outcome: "done" };
      }
      if (current.deactivatedAt) return { outcome: "unchanged" };
      if (current.role === "ADMIN" && (await wouldLeaveNoAdmin(tx, target.id))) return { outcome: "last-admin" };
      await tx.user.update({ where: { id: target.id }, data: { deactivatedAt: now } });
      const ended = await tx.session.updateMany({
        where: { userId: target.id, revokedAt: null },
        data: { revokedAt: now, revokedReason: "deactivated" },
      });
      return { outcome: `done:${ended.count}-sessions-ended` };
    },
    db,
  );
  if (!decision.allowed) return { ok: false, error: "not-found" };
  const { outcome } = decision.result;
  if (outcome === "unchanged") return { ok: true, outcome };
  if (outcome.startsWith("done")) return { ok: true, outcome: "done" };
  return { ok: false, error: outcome === "last-admin" ? "last-admin" : "not-found" };
}
