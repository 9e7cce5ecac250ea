import { type FieldCipher, isSealed } from "./field-cipher";

// Which stored values are identity numbers or bank accounts, wherever they sit in a JSON
// column (evidence records, the citizen's typed fields, a conflict's values), and how each
// is sealed, opened and masked. A value is sensitive by its field's name (every identity
// number field of the data standard ends in NationalId(s); a typed bank account is
// `bankAccount`) or, in any other text, by holding an 18-character identity number (a
// conflict's "parent" values join them with commas).

export type Sensitivity = "identity" | "bank";

const IDENTITY_FIELD = /^(nationalId|[A-Za-z]*NationalIds?)$/;
const BANK_FIELD = /^bankAccount$/;
const IDENTITY_IN_TEXT = /(?<![0-9])[0-9]{17}[0-9X](?![0-9A-Za-z])/g;

export function sensitivityOf(field: string | undefined): Sensitivity | null {
  if (field === undefined) return null;
  if (IDENTITY_FIELD.test(field)) return "identity";
  if (BANK_FIELD.test(field)) return "bank";
  return null;
}

function holdsIdentityNumber(text: string): boolean {
  IDENTITY_IN_TEXT.lastIndex = 0;
  return IDENTITY_IN_TEXT.test(text);
}

/** Applies `onString` to every string (and every number under a sensitive field) of a JSON value, with the name of the field it sits under. */
function mapStrings(
  value: unknown,
  onString: (text: string, field: string | undefined) => unknown,
  field?: string,
): unknown {
  if (typeof value === "string") return onString(value, field);
  if (typeof value === "number" && sensitivityOf(field)) return onString(String(value), field);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, onString, field));
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, onString, k)]));
  }
  return value;
}

/** JSON objects only: a Date, a Buffer or a Decimal passes through untouched. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function shouldSeal(text: string, field: string | undefined): boolean {
  return sensitivityOf(field) !== null || holdsIdentityNumber(text);
}

/** A copy with every identity number and bank account sealed; values already sealed stay as they are. */
export function sealSensitive<T>(value: T, cipher: FieldCipher): T {
  return mapStrings(value, (text, field) =>
    !isSealed(text) && shouldSeal(text, field) ? cipher.seal(text) : text,
  ) as T;
}

/** A copy with every sealed value opened (values in clear, from before encryption, pass through). */
export function openSensitive<T>(value: T, cipher: FieldCipher): T {
  return mapStrings(value, (text) => cipher.open(text)) as T;
}

/**
 * Whether a stored value needs sealing again: it holds a sensitive value in clear (written
 * before encryption) or one sealed with a key older than the newest (after a rotation).
 */
export function needsReseal(value: unknown, cipher: FieldCipher): boolean {
  let found = false;
  mapStrings(value, (text, field) => {
    if (isSealed(text) ? cipher.keyIdOf(text) !== cipher.newestKeyId : shouldSeal(text, field)) found = true;
    return text;
  });
  return found;
}

/** A copy sealed again under the newest key. */
export function resealSensitive<T>(value: T, cipher: FieldCipher): T {
  return sealSensitive(
    mapStrings(value, (text) =>
      isSealed(text) && cipher.keyIdOf(text) !== cipher.newestKeyId ? cipher.open(text) : text,
    ),
    cipher,
  ) as T;
}

/** `3301**********1234`: the region's first four and the last four. */
export function maskIdentityNumber(value: string): string {
  if (value.length <= 8) return "*".repeat(value.length);
  return `${value.slice(0, 4)}${"*".repeat(value.length - 8)}${value.slice(-4)}`;
}

/** A bank account shows only its last four. */
export function maskBankAccount(value: string): string {
  const compact = value.replace(/\s+/g, "");
  if (compact.length <= 4) return "*".repeat(compact.length);
  return `${"*".repeat(compact.length - 4)}${compact.slice(-4)}`;
}

export function maskValue(text: string, sensitivity: Sensitivity | null): string {
  if (sensitivity === "identity") return maskIdentityNumber(text);
  if (sensitivity === "bank") return maskBankAccount(text);
  return text.replace(IDENTITY_IN_TEXT, maskIdentityNumber);
}

/** A copy (of opened values) with every identity number and bank account masked, for a page. */
export function maskSensitive<T>(value: T): T {
  return mapStrings(value, (text, field) => maskValue(text, sensitivityOf(field))) as T;
}
