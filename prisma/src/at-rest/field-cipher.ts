import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

// Identity numbers and bank accounts at rest: each value sealed on its own with AES-256-GCM
// (a fresh 96-bit IV, the key id in the value and bound as associated data), so the database
// and its dumps hold only ciphertext. Exact look-ups go through a keyed HMAC-SHA-256 blind
// index (an attacker with the table cannot test guesses without the index key). The key
// list follows the Temporal codec's form (`id:base64key,…`): the last seals, every one opens,
// so keys rotate by adding one; the blind index key cannot rotate without re-indexing.

const SEALED_PREFIX = "enc1:";
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface DataKey {
  id: string;
  /** 32 raw bytes. */
  key: Buffer;
}

export interface FieldCipher {
  /** The value sealed under the newest key: `enc1:<key id>:<base64url iv|ciphertext|tag>`. */
  seal(plain: string): string;
  /** The clear value; a value that is not sealed (a row written before encryption) is returned as it is. Throws when a sealed value does not open. */
  open(value: string): string;
  /** The key id a value is sealed with, or null when it is in clear. */
  keyIdOf(value: string): string | null;
  /** The id of the key that seals new values. */
  readonly newestKeyId: string;
  /** HMAC-SHA-256 of the value under the blind index key, hex: equal values, equal indexes. */
  blindIndex(value: string): string;
}

export function isSealed(value: string): boolean {
  return value.startsWith(SEALED_PREFIX);
}

/**
 * Parses `id1:base64key,id2:base64key` (VO_DATA_KEYS). The last key is the newest. Throws one
 * message naming what is wrong.
 */
export function parseDataKeys(value: string): DataKey[] {
  const entries = value
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error("no keys: expected id:base64key[,id:base64key…]");
  const keys: DataKey[] = [];
  for (const entry of entries) {
    const colon = entry.indexOf(":");
    const id = colon < 0 ? "" : entry.slice(0, colon);
    if (!KEY_ID.test(id))
      throw new Error(
        `"${id || entry.slice(0, 8)}…" is not a key id: expected id:base64key with an id of 1–32 letters, digits, - or _`,
      );
    if (keys.some((k) => k.id === id)) throw new Error(`key id "${id}" appears twice`);
    const key = base64Key(entry.slice(colon + 1));
    if (!key) throw new Error(`key "${id}" must be 32 bytes in base64 (e.g. \`openssl rand -base64 32\`)`);
    keys.push({ id, key });
  }
  return keys;
}

/** VO_BLIND_INDEX_KEY: 32 bytes in base64. */
export function parseBlindIndexKey(value: string): Buffer {
  const key = base64Key(value.trim());
  if (!key) throw new Error("must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)");
  return key;
}

function base64Key(b64: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return undefined;
  const key = Buffer.from(b64, "base64");
  return key.length === 32 ? key : undefined;
}

/** A fresh data key in the configuration's form (the launcher's generated default). */
export function generateDataKey(id: string): string {
  return `${id}:${randomBytes(32).toString("base64")}`;
}

/** A fresh blind index key (the launcher's generated default). */
export function generateBlindIndexKey(): string {
  return randomBytes(32).toString("base64");
}

export function createFieldCipher(keys: readonly DataKey[], blindIndexKey: Buffer): FieldCipher {
  const newest = keys.at(-1);
  if (!newest) throw new Error("The field cipher needs at least one data key.");
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  const aad = (id: string) => Buffer.from(`visit-once-field:${id}`);
  return {
    newestKeyId: newest.id,
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", newest.key, iv);
      cipher.setAAD(aad(newest.id));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `${SEALED_PREFIX}${newest.id}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url")}`;
    },
    open(value) {
      if (!isSealed(value)) return value;
      const rest = value.slice(SEALED_PREFIX.length);
      const colon = rest.indexOf(":");
      const id = rest.slice(0, colon);
      const key = colon > 0 ? byId.get(id) : undefined;
      if (!key)
        throw new Error(
          `A stored value is sealed with key "${id}", which is not among the configured keys (VO_DATA_KEYS).`,
        );
      const bytes = Buffer.from(rest.slice(colon + 1), "base64url");
      if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error("A stored sealed value is truncated.");
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
        decipher.setAAD(aad(id));
        decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
        return Buffer.concat([
          decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
          decipher.final(),
        ]).toString("utf8");
      } catch {
        throw new Error(
          `A stored value sealed with key "${id}" does not open: it was altered, or the key is not the one that sealed it.`,
        );
      }
    },
    keyIdOf(value) {
      if (!isSealed(value)) return null;
      return value.slice(SEALED_PREFIX.length).split(":", 1)[0] ?? null;
    },
    blindIndex(value) {
      return createHmac("sha256", blindIndexKey).update(value, "utf8").digest("hex");
    },
  };
}

/**
 * Fixed keys for tests only (public: never configure them anywhere else; production refuses
 * them). The tests' databases are sealed with them.
 */
export const TEST_DATA_KEYS = "test-2026-11:dmlzaXQtb25jZS10ZXN0LW9ubHktZGF0YS1rZXkhISE=";
export const TEST_BLIND_INDEX_KEY = "dmlzaXQtb25jZS10ZXN0LWJsaW5kLWluZGV4LWtleSE=";

export function testFieldCipher(): FieldCipher {
  return createFieldCipher(parseDataKeys(TEST_DATA_KEYS), parseBlindIndexKey(TEST_BLIND_INDEX_KEY));
}
