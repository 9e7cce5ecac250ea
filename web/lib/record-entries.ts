// A record's canonical data as rows a person can read: nested lists flattened to text.
// Client-safe and pure.

export interface RecordEntry {
  key: string;
  value: string | boolean | null;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (Array.isArray(value)) return value.map(text).join("; ");
  if (typeof value === "object") return Object.values(value as Record<string, unknown>).map(text).join(" / ");
  return String(value);
}

export function recordEntries(data: unknown): RecordEntry[] {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return [];
  return Object.entries(data as Record<string, unknown>).map(([key, value]) => ({
    key,
    value: typeof value === "boolean" ? value : value === null ? null : text(value),
  }));
}

/** The citizen catalogue's words, as next-intl's `t` for the "citizen" namespace gives them (client or server). */
export interface CitizenWords {
  (key: string): string;
  has(key: string): boolean;
}

/** A record type's name in the citizen catalogue, or the code itself for one it does not know. */
export function recordName(t: CitizenWords, recordType: string): string {
  return t.has(`records.${recordType}`) ? t(`records.${recordType}`) : recordType;
}

export interface RecordFieldRow {
  key: string;
  /** The field's name in the catalogue, or its key. */
  label: string;
  /** The value as shown: yes/no for flags, "—" for nothing. */
  value: string;
}

/** A record's data as labelled rows, in the citizen catalogue's words. */
export function recordFieldRows(data: unknown, t: CitizenWords): RecordFieldRow[] {
  return recordEntries(data).map((e) => ({
    key: e.key,
    label: t.has(`recordFields.${e.key}`) ? t(`recordFields.${e.key}`) : e.key,
    value: e.value === null ? "—" : typeof e.value === "boolean" ? t(e.value ? "case.yes" : "case.no") : e.value,
  }));
}
