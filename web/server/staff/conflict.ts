import { z } from "zod";

// The `conflict` JSON the workflow stores on a CONFLICT exception.
const conflictSchema = z.object({
  field: z.string(),
  values: z.array(
    z.object({
      value: z.string(),
      recordType: z.string(),
      department: z.string(),
      source: z.enum(["identity-number", "application"]).optional(),
      meaning: z.enum(["the-applicant", "spouse-listed"]).optional(),
    }),
  ),
});
export type StoredConflict = z.infer<typeof conflictSchema>;

/** The stored conflict, or null when there is none (or it is not in the expected shape). */
export function readConflict(json: unknown): StoredConflict | null {
  const parsed = conflictSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/**
 * Where a value comes from when it is not an office's record: its `source`, or for a conflict
 * stored before sources existed, the one department string that said it (a lookup, not a parse).
 */
const LEGACY_SOURCES: Readonly<Record<string, "identity-number" | "application">> = {
  "public-security (identity number)": "identity-number",
  application: "application",
};

export function valueSource(v: StoredConflict["values"][number]): "identity-number" | "application" | null {
  return v.source ?? LEGACY_SOURCES[v.department] ?? null;
}

/** The departments a conflict's values come from, each once, in order. */
export function conflictDepartments(json: unknown): string[] {
  return [...new Set(readConflict(json)?.values.map((v) => v.department) ?? [])];
}

type Value = StoredConflict["values"][number];

/** One choice per distinct value (shown as `label` words it), with every record (as `describe` words it) that holds it. */
export function conflictChoices(
  conflict: StoredConflict,
  describe: (v: Value) => string,
  label: (v: Value) => string = (v) => v.value,
): { value: string; label: string; source: string; correctable: boolean }[] {
  const sources = new Map<string, { label: string; from: string[]; correctable: boolean }>();
  for (const v of conflict.values) {
    const prior = sources.get(v.value);
    // A value some department's record holds can be corrected at that department (one read from the identity number or the application cannot).
    sources.set(v.value, {
      label: prior?.label ?? label(v),
      from: [...(prior?.from ?? []), describe(v)],
      correctable: (prior?.correctable ?? false) || valueSource(v) === null,
    });
  }
  return [...sources].map(([value, { label, from, correctable }]) => ({
    value,
    label,
    source: from.join("; "),
    correctable,
  }));
}
