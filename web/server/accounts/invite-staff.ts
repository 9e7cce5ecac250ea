import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import type { Db } from "@visit-once/prisma";
import { authoriseMutation } from "../access/authorise";
import type { Actor } from "../access/policy";
import { type FieldErrors, fieldErrors, inviteSchema } from "./account-input";
import { INVITATION_DAYS, invitationPath, newInvitationToken } from "./invitation-token";

export type InviteResult =
  { ok: true; userId: string; path: string; expiresAt: Date } | { ok: false; errors: FieldErrors };

/**
 * An administrator creates a staff account with its role and office, and gets a one-time link
 * (shown once; only its hash is stored) through which the person sets their password. Until
 * then the account's password is random and unknown to anyone. They enrol their second factor
 * at their first sign-in. Refused (as not found) for anyone but an administrator; audited.
 */
export async function inviteStaff(
  actor: Actor | null,
  raw: Record<string, unknown>,
  requestId: string,
  db: Db,
  now = new Date(),
): Promise<InviteResult> {
  const parsed = inviteSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const input = parsed.data;
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  const passwordHash = await bcrypt.hash(randomBytes(32).toString("base64url"), 10);
  const decision = await authoriseMutation<{ outcome: string; userId?: string }>(
    actor,
    "invite",
    { kind: "account", role: input.role },
    "account:new",
    requestId,
    async (tx) => {
      if (input.office && !(await tx.office.findUnique({ where: { code: input.office }, select: { code: true } })))
        return { outcome: "office-unknown" };
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } }))
        return { outcome: "email-taken" };
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, departmentCode: input.office, passwordHash },
      });
      await tx.staffInvitation.create({
        data: { userId: user.id, tokenHash, createdById: actor?.id ?? "", expiresAt },
      });
      // The new account's id in the outcome: the audit entry then names whom it created.
      return { outcome: `invited:${user.id}`, userId: user.id };
    },
    db,
  ).catch((error: unknown) => {
    // Two invitations for one email at once: the unique index lets one in.
    if (isUniqueViolation(error))
      return { allowed: true as const, result: { outcome: "email-taken" } as { outcome: string; userId?: string } };
    throw error;
  });
  if (!decision.allowed) return { ok: false, errors: { form: "not-found" } };
  const { result } = decision;
  if (result.outcome === "office-unknown") return { ok: false, errors: { office: "office-unknown" } };
  if (result.outcome === "email-taken") return { ok: false, errors: { email: "email-taken" } };
  if (!result.userId) return { ok: false, errors: { form: "not-found" } };
  return { ok: true, userId: result.userId, path: invitationPath(token), expiresAt };
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002"
  );
}
