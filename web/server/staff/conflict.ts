import { z } from "zod";

// The `conflict` JSON the workflow stores on a CONFLICT exception.
const conflictSchema = z.object({
  field: z.string(),
  values: z.array(z.object({ value: z.string(), recordType: z.string(), department: z.string() })),
});
export type StoredConflict = z.infer<typeof conflictSchema>;

/** The stored conflict, or null when there is none (or it is not in the expected shape). */
export function readConflict(json: unknown): StoredConflict | null {
  const parsed = conflictSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The departments a conflict's values come from, each once, in order. */
export function conflictDepartments(json: unknown): string[] {
  return [...new Set(readConflict(json)?.values.map((v) => v.department) ?? [])];
}

/** One choice per distinct value, with every record (as `describe` words it) that holds it. */
export function conflictChoices(conflict: StoredConflict, describe: (v: StoredConflict["values"][number]) => string): { value: string; source: string }[] {
  const sources = new Map<string, string[]>();
  for (const v of conflict.values) sources.set(v.value, [...(sources.get(v.value) ?? []), describe(v)]);
  return [...sources].map(([value, from]) => ({ value, source: from.join("; ") }));
}
