import { Secret, TOTP } from "otpauth";

// RFC 6238 defaults every authenticator app understands: SHA-1, 6 digits, 30 seconds.
const PERIOD = 30;

const totp = (secret: string, label = "") =>
  new TOTP({
    issuer: "Visit Once",
    label,
    secret: Secret.fromBase32(secret),
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
  });

/** A new random secret (160 bits), base32 as authenticator apps take it. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The `otpauth://` URI an authenticator app scans. */
export const otpauthUri = (secret: string, account: string): string => totp(secret, account).toString();

/**
 * The time step a 6-digit code belongs to (the current one, or one either side for clock drift),
 * or null. otpauth compares in constant time; the caller refuses a step already used.
 */
export function matchingStep(secret: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const t = totp(secret);
  const delta = t.validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : t.counter({ timestamp: now.getTime() }) + delta;
}

/** The code for a time (tests and the demo helper; never logged). */
export const codeAt = (secret: string, now: Date): string => totp(secret).generate({ timestamp: now.getTime() });
