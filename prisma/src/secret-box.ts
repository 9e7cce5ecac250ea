import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// Secrets at rest (TOTP secrets) are sealed with AES-256-GCM under a key derived from the
// application's secret (NEXTAUTH_SECRET): a database dump alone does not reveal them.
// Rotating that secret makes sealed values unreadable: staff then re-enrol (an admin resets them).

const VERSION = "v1";

const keyFrom = (appSecret: string) => Buffer.from(hkdfSync("sha256", appSecret, "visit-once", "totp-secret", 32));

export function seal(plain: string, appSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(appSecret), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** The sealed value, or null when it is malformed or was sealed under another key (fail closed). */
export function open(sealed: string, appSecret: string): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFrom(appSecret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
