import { ApplicationFailure } from "@temporalio/common";
import { isStorable, UNSTORABLE_DATA } from "@visit-once/workflows/contracts";

// A projection write that PostgreSQL can never store (a NUL, an unpaired surrogate, a value
// out of range) would otherwise be retried for ever and leave the case's page behind its
// workflow. It fails once, non-retryably, and the workflow hands the case to a caseworker.

/** The path of the first string (or key) in a value that PostgreSQL cannot store, or null. */
export function findUnstorableText(value: unknown, path = "input"): string | null {
  if (typeof value === "string") return isStorable(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (!isStorable(k)) return `${path} (a key)`;
      const found = findUnstorableText(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return null;
}

/** PostgreSQL's "data exception" class (22xxx) as the pg driver adapter reports it, or jsonb's own refusal. */
function isDataException(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { originalCode?: unknown; code?: unknown }).originalCode ?? (e as { code?: unknown }).code;
    if (typeof code === "string" && /^22[0-9A-Z]{3}$/.test(code)) return true;
    if (/unsupported Unicode escape sequence|invalid byte sequence/.test(String((e as Error).message ?? "")))
      return true;
  }
  return false;
}

const unstorable = (activity: string, where: string) =>
  // The message names the activity and the field, never the value (it may be personal data).
  ApplicationFailure.nonRetryable(
    `The ${activity} write holds data PostgreSQL cannot store (${where}).`,
    UNSTORABLE_DATA,
  );

/** Wraps every activity: unstorable input or a data exception fails once, without retries. */
export function guardUnstorable<T extends object>(activities: T): T {
  const guarded: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(activities)) {
    if (typeof fn !== "function") continue;
    guarded[name] = async (...args: unknown[]) => {
      const where = findUnstorableText(args);
      if (where) throw unstorable(name, where.replace(/^input\[0\]/, "input"));
      try {
        return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (err) {
        if (isDataException(err)) throw unstorable(name, "a value the database refused");
        throw err;
      }
    };
  }
  return guarded as T;
}
