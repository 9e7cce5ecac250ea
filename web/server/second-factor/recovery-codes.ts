import { createHash, randomInt } from "node:crypto";

// Ten random codes of 10 characters from an alphabet without look-alikes (about 50 bits
// each): too many to guess, so a fast hash is enough to keep them unreadable at rest.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_COUNT = 10;

const randomChunk = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");

export const newRecoveryCodes = (): string[] =>
  Array.from({ length: RECOVERY_CODE_COUNT }, () => `${randomChunk()}-${randomChunk()}`);

/** Whether the input looks like a recovery code (rather than a 6-digit TOTP code). */
export const isRecoveryCodeShape = (input: string): boolean => normalise(input).length === 10;

const normalise = (input: string) => input.toLowerCase().replace(/[\s-]/g, "");

export const hashRecoveryCode = (input: string): string =>
  createHash("sha256")
    .update(`visit-once-recovery:${normalise(input)}`)
    .digest("hex");
