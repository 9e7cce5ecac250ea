import { type FieldCipher, maskSensitive, openSensitive } from "@visit-once/prisma/at-rest";
import { fieldCipher } from "@/env";

// Pages show identity numbers and bank accounts masked (`3301**********1234`, the last four
// of an account): loaders pass what they read through `masked` before it leaves the server,
// so the clear value reaches a browser only through an explicit reveal (./reveal-value.ts).

/** Stored values opened and every identity number and bank account masked. */
export function masked<T>(value: T, cipher: FieldCipher = fieldCipher()): T {
  return maskSensitive(openSensitive(value, cipher));
}

/** A record's (or the typed fields') top-level fields that masking changed: the ones a reveal can show. */
export function maskedFieldNames(data: unknown, cipher: FieldCipher = fieldCipher()): string[] {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return [];
  const open = openSensitive(data as Record<string, unknown>, cipher);
  const shown = maskSensitive(open);
  return Object.keys(open).filter((k) => JSON.stringify(open[k]) !== JSON.stringify(shown[k]));
}
