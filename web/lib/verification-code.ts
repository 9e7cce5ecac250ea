import { normaliseVerificationCode } from "@visit-once/workflows/contracts";

// Codes are read the forgiving Crockford way (lower case, I/L for 1, O for 0, spaces and
// hyphens anywhere); both the current 120-bit codes and the first 48-bit ones verify.
export { normaliseVerificationCode };

export function isVerificationCode(raw: string): boolean {
  return normaliseVerificationCode(raw) !== null;
}
