import bcrypt from "bcryptjs";
import type { Db } from "@visit-once/prisma";
import { authoriseMutation } from "../access/authorise";
import { acceptSchema, type FieldErrors, fieldErrors } from "./account-input";
import { invitationTokenHash } from "./invitation-token";

export type AcceptResult = { ok: true; email: string } | { ok: false; errors: FieldErrors };

/**
 * The invited person sets their password through the link: an unknown, used or expired token,
 * or a deactivated account, is one and the same refusal (the link no longer works). Spending the
 * token and setting the password happen together; every other link of theirs stops working too.
 */
export async function acceptInvitation(
  raw: Record<string, unknown>,
  requestId: string,
  db: Db,
  now = new Date(),
): Promise<AcceptResult> {
  const parsed = acceptSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { token, password } = parsed.data;
  const invitation = await db.staffInvitation.findUnique({
    where: { tokenHash: invitationTokenHash(token) },
    include: { user: { select: { id: true, email: true, role: true, departmentCode: true, deactivatedAt: true } } },
  });
  if (!invitation || invitation.usedAt || invitation.expiresAt <= now || invitation.user.deactivatedAt)
    return { ok: false, errors: { form: "invitation-invalid" } };
  const { user } = invitation;
  const passwordHash = await bcrypt.hash(password, 10);
  const decision = await authoriseMutation(
    { id: user.id, role: user.role, departmentCode: user.departmentCode },
    "accept",
    { kind: "invitation", userId: user.id },
    `account:${user.id}/invitation:${invitation.id}`,
    requestId,
    async (tx) => {
      // Spent only if still unspent: of two racing submissions, one sets the password.
      const spent = await tx.staffInvitation.updateMany({
        where: { id: invitation.id, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (spent.count === 0) return { outcome: "invitation-invalid" };
      await tx.staffInvitation.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
      await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
      return { outcome: "done" };
    },
    db,
  );
  if (!decision.allowed || decision.result.outcome !== "done")
    return { ok: false, errors: { form: "invitation-invalid" } };
  return { ok: true, email: user.email };
}
