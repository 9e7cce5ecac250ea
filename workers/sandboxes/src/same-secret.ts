import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Compares a presented credential with the expected one in constant time: both are hashed
 * first, so neither their contents nor their lengths show in the timing.
 */
export function sameSecret(presented: string | undefined, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  const equal = timingSafeEqual(digest(presented ?? ""), digest(expected));
  return presented !== undefined && equal;
}
