// The one rule for text people type, checked at the web's door and again by the workflow's
// update validators: anything that reaches a case must be storable by PostgreSQL (no NUL,
// no unpaired surrogate in text or jsonb) and bounded. Plain TypeScript, so the workflow
// bundle can use it without zod.

/** How long each kind of typed text may be (UTF-16 code units, as JavaScript counts). */
export const TEXT_LIMITS = {
  /** A name, a short field, a chosen value. */
  short: 200,
  /** A reason, a justification, a question, an explanation. */
  reason: 1000,
  /** A citizen's reply to a request for information. */
  reply: 2000,
} as const;
export type TextKind = keyof typeof TEXT_LIMITS;

export type TextProblem = "control-character" | "unpaired-surrogate" | "too-long";

// C0 controls other than tab, line feed and carriage return, and DEL. NUL is the one
// PostgreSQL refuses outright; the others have no place in anything a person types.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** The same, every occurrence: built once, as storableText runs for every string a projection write carries. */
const EVERY_UNPAIRED_SURROGATE = new RegExp(UNPAIRED_SURROGATE.source, "g");

/** What is wrong with a typed text, or null. Checks the text as given (before cleaning). */
export function textProblem(value: string, max: number): TextProblem | null {
  if (UNPAIRED_SURROGATE.test(value)) return "unpaired-surrogate";
  if (CONTROL.test(value)) return "control-character";
  if (cleanText(value).length > max) return "too-long";
  return null;
}

/** Whether PostgreSQL can store the string at all, in text or jsonb (no NUL, no unpaired surrogate). */
export function isStorable(value: string): boolean {
  return !value.includes("\u0000") && !UNPAIRED_SURROGATE.test(value);
}

/** The string with what PostgreSQL cannot store removed: NUL dropped, unpaired surrogates replaced by U+FFFD. */
export function storableText(value: string): string {
  return value.replaceAll("\u0000", "").replace(EVERY_UNPAIRED_SURROGATE, "\uFFFD");
}

/** The stored form: Unicode NFC, one kind of line break, no surrounding space. Only for text without a problem. */
export function cleanText(value: string): string {
  return value.normalize("NFC").replace(/\r\n?/g, "\n").trim();
}

/** Plain words for each problem, for API callers (the pages say them per language). */
export const TEXT_PROBLEM_MESSAGES: Readonly<Record<TextProblem, (max: number) => string>> = {
  "control-character": () => "contains a control character (such as NUL) that text cannot hold; remove it",
  "unpaired-surrogate": () => "contains a broken character (an unpaired surrogate); retype it",
  "too-long": (max) => `is too long: at most ${max} characters`,
};
