import type { Db } from "@visit-once/prisma";
import { isUuid } from "@/lib/validation";
import { authoriseMutation } from "../access/authorise";
import type { Actor } from "../access/policy";
import type { AccountErrorCode } from "./account-input";
import { INVITATION_DAYS, invitationPath, newInvitationToken } from "./invitation-token";

export type ReissueResult = { ok: true; path: string; expiresAt: Date } | { ok: false; error: AccountErrorCode };

/**
 * A new one-time link for someone invited who has not yet set a password (the first was lost or
 * expired): every earlier link of theirs stops working. Not for an account already in use or
 * deactivated. Audited like the invitation.
 */
export async function reissueInvitation(
  actor: Actor | null,
  userId: string,
  requestId: string,
  db: Db,
  now = new Date(),
): Promise<ReissueResult> {
  if (!isUuid(userId)) return { ok: false, error: "not-found" };
  const target = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
  if (!target || target.role === "CITIZEN") return { ok: false, error: "not-found" };
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  const decision = await authoriseMutation(
    actor,
    "invite",
    { kind: "account", role: target.role },
    `account:${target.id}/invitation`,
    requestId,
    async (tx) => {
      const account = await tx.user.findUnique({
        where: { id: target.id },
        select: { deactivatedAt: true, invitations: { select: { usedAt: true } } },
      });
      // Only while the person has never taken up an invitation: an account in use keeps its password.
      if (
        !account ||
        account.deactivatedAt ||
        account.invitations.length === 0 ||
        account.invitations.some((i) => i.usedAt)
      )
        return { outcome: "not-pending" };
      // Deleted, not marked used: a used invitation means the person has set a password.
      await tx.staffInvitation.deleteMany({ where: { userId: target.id, usedAt: null } });
      await tx.staffInvitation.create({
        data: { userId: target.id, tokenHash, createdById: actor?.id ?? "", expiresAt },
      });
      return { outcome: "done" };
    },
    db,
  );
  if (!decision.allowed || decision.result.outcome !== "done") return { ok: false, error: "not-found" };
  return { ok: true, path: invitationPath(token), expiresAt };
}
