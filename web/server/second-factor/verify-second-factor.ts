import type { Db } from "@visit-once/prisma";
import { openSecret } from "@visit-once/prisma";
import { hashRecoveryCode, isRecoveryCodeShape } from "./recovery-codes";
import { matchingStep } from "./totp";

export type SecondFactorResult = "ok" | "wrong";

/**
 * Checks a TOTP code or a recovery code for an enrolled account. A TOTP code is accepted only
 * for a time step later than the last one accepted (no reuse within its window); a recovery
 * code only once. Both claims are single conditional updates, so two requests racing with
 * the same code cannot both win.
 */
export async function verifySecondFactor(
  db: Db,
  userId: string,
  input: string,
  appSecret: string,
  now = new Date(),
): Promise<SecondFactorResult> {
  const code = input.trim();
  if (isRecoveryCodeShape(code)) {
    const { count } = await db.recoveryCode.updateMany({
      where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
      data: { usedAt: now },
    });
    return count === 1 ? "ok" : "wrong";
  }
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  const secret = user?.totpSecret && user.totpEnabledAt ? openSecret(user.totpSecret, appSecret) : null;
  if (!secret) return "wrong";
  const step = matchingStep(secret, code.replace(/\s/g, ""), now);
  if (step === null) return "wrong";
  const { count } = await db.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1 ? "ok" : "wrong";
}
