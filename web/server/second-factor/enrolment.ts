import type { Db } from "@visit-once/prisma";
import { openSecret, sealSecret } from "@visit-once/prisma";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery-codes";
import { matchingStep, newTotpSecret } from "./totp";

/**
 * The secret a person is enrolling with: the one already waiting for confirmation, or a new
 * one (stored sealed). Null when they are already enrolled (nothing to show again).
 */
export async function enrolmentSecret(db: Db, userId: string, appSecret: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (!user || user.totpEnabledAt) return null;
  const waiting = user.totpSecret ? openSecret(user.totpSecret, appSecret) : null;
  if (waiting) return waiting;
  const secret = newTotpSecret();
  await db.user.updateMany({
    where: { id: userId, totpEnabledAt: null },
    data: { totpSecret: sealSecret(secret, appSecret), totpLastStep: null },
  });
  return secret;
}

/**
 * Confirms enrolment with a code from the authenticator: turns the second factor on and
 * returns ten new recovery codes (shown once; only their hashes are kept). Null when the
 * code is wrong or there is nothing to confirm.
 */
export async function confirmEnrolment(
  db: Db,
  userId: string,
  code: string,
  appSecret: string,
  now = new Date(),
): Promise<string[] | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  const secret = user?.totpSecret && !user.totpEnabledAt ? openSecret(user.totpSecret, appSecret) : null;
  if (!secret) return null;
  const step = matchingStep(secret, code.replace(/\s/g, ""), now);
  if (step === null) return null;
  const codes = newRecoveryCodes();
  const confirmed = await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, totpEnabledAt: null },
      data: { totpEnabledAt: now, totpLastStep: step },
    });
    if (count !== 1) return false;
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) });
    return true;
  });
  return confirmed ? codes : null;
}
