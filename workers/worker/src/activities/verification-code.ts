import { randomBytes } from "node:crypto";
import { formatVerificationCode, VERIFICATION_CODE_BYTES } from "@visit-once/workflows/contracts";

/** A new verification code: 120 bits from Node's CSPRNG, never from the workflow's seeded randomness. */
export function mintVerificationCode(): string {
  return formatVerificationCode(randomBytes(VERIFICATION_CODE_BYTES));
}
