import { base32crockford } from "@scure/base";

// The verification code printed on every issued document, checked by anyone on /verify.
// Shared by the worker that mints codes and the pages that look them up; the workflow
// never imports this file (codes are minted outside it, from the CSPRNG, so its seeded
// randomness and its history never hold one).

export const VERIFICATION_CODE_PREFIX = "VO";
/**
 * 15 bytes = 120 bits = exactly 24 Crockford base32 symbols, no spare bits: every
 * 24-symbol string is a code and the encoder round-trips it. Far past the 80 bits a
 * guess-resistant code needs; shown as six groups of four, the grouping people already
 * read on the first codes and on bank cards.
 */
export const VERIFICATION_CODE_BYTES = 15;
const SYMBOLS = (VERIFICATION_CODE_BYTES * 8) / 5;
/** Codes issued before `csprng-verification-codes`: 48 bits as 12 hex digits (VO-3F9A-C2D1-77B0). They keep verifying. */
const LEGACY_SYMBOLS = 12;
const GROUP = 4;
/** Nothing longer is worth normalising (a code with a space between every symbol is under 60). */
const MAX_TYPED_LENGTH = 100;
/** Crockford: hyphens (and here spaces and the dashes phones and IMEs insert) are for reading only. */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/g;

function grouped(symbols: string): string {
  const groups = [];
  for (let i = 0; i < symbols.length; i += GROUP) groups.push(symbols.slice(i, i + GROUP));
  return [VERIFICATION_CODE_PREFIX, ...groups].join("-");
}

/** The printed form of a code's random bytes, e.g. VO-7KQ2-M9XH-4TB3-N8RW-C5DZ-A1E6. */
export function formatVerificationCode(bytes: Uint8Array): string {
  if (bytes.length !== VERIFICATION_CODE_BYTES)
    throw new RangeError(`A verification code holds ${VERIFICATION_CODE_BYTES} bytes, not ${bytes.length}.`);
  return grouped(base32crockford.encode(bytes));
}

/** The symbols of a code as typed: upper case, separators dropped, the prefix (which holds an O) removed before O is read as 0. */
function typedSymbols(raw: string): string | null {
  if (raw.length > MAX_TYPED_LENGTH) return null;
  // NFKC turns full-width letters and dashes (typed with a Chinese IME) into ASCII.
  const compact = raw.normalize("NFKC").toUpperCase().replace(SEPARATORS, "");
  const prefixed = /^V[O0]/.test(compact) && (compact.length === 2 + SYMBOLS || compact.length === 2 + LEGACY_SYMBOLS);
  return prefixed ? compact.slice(2) : compact;
}

/** The random bytes of a new-format code, typed in any forgiving way; null for a legacy code or anything else. */
export function verificationCodeBytes(raw: string): Uint8Array | null {
  const symbols = typedSymbols(raw);
  if (symbols?.length !== SYMBOLS) return null;
  try {
    // The library reads lower case, I and L as 1, O as 0, and refuses U and anything outside the alphabet.
    return base32crockford.decode(symbols);
  } catch {
    return null;
  }
}

/**
 * The canonical, stored form of a code as a person typed it (lower case, I/L for 1, O for
 * 0, spaces or hyphens anywhere, with or without the VO prefix), new or legacy format;
 * null if it cannot be a code, so nothing is looked up.
 */
export function normaliseVerificationCode(raw: string): string | null {
  const bytes = verificationCodeBytes(raw);
  if (bytes) return formatVerificationCode(bytes);
  const symbols = typedSymbols(raw);
  if (symbols?.length !== LEGACY_SYMBOLS) return null;
  const hex = symbols.replace(/O/g, "0").replace(/[IL]/g, "1");
  return /^[0-9A-F]+$/.test(hex) ? grouped(hex) : null;
}
