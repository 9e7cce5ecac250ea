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
