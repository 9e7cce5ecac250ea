// A record's canonical data as rows a person can read: nested lists flattened to text.
// Client-safe and pure.

export interface RecordEntry {
  key: string;
  value: string | boolean | null;
}

/** A code's words for a field ("sex", "M" → "男"), or the value itself. */
export type ValueLabel = (field: string, value: string) => string;

const asIs: ValueLabel = (_field, value) => value;

function text(value: unknown, field: string, label: ValueLabel): string {
  if (value === null || value === undefined) return "—";
  if (Array.isArray(value)) return value.map((v) => text(v, field, label)).join("; ");
  if (typeof value === "object")
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => text(v, k, label))
      .join(" / ");
  return label(field, String(value));
}

export function recordEntries(data: unknown, label: ValueLabel = asIs): RecordEntry[] {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return [];
  return Object.entries(data as Record<string, unknown>).map(([key, value]) => ({
    key,
    value: typeof value === "boolean" ? value : value === null ? null : text(value, key, label),
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

/** A coded value in the catalogue's words (`recordValues.<field>.<code>`: sex, status, scheme, relation, vaccine), else as stored. */
export function recordValueLabel(t: CitizenWords): ValueLabel {
  return (field, value) =>
    /^[A-Za-z][\w-]*$/.test(value) && t.has(`recordValues.${field}.${value}`)
      ? t(`recordValues.${field}.${value}`)
      : value;
}

/** A record's data as labelled rows, in the citizen catalogue's words: field names and coded values. */
export function recordFieldRows(data: unknown, t: CitizenWords): RecordFieldRow[] {
  return recordEntries(data, recordValueLabel(t)).map((e) => ({
    key: e.key,
    label: t.has(`recordFields.${e.key}`) ? t(`recordFields.${e.key}`) : e.key,
    value: e.value === null ? "—" : typeof e.value === "boolean" ? t(e.value ? "case.yes" : "case.no") : e.value,
  }));
}
