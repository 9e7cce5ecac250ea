// Field-level minimisation: each viewer is given only the fields its work needs. The filters
// run on the server, so what is not granted never reaches the browser. Pure: tested over
// every service × step × field × role in minimise.test.ts.
import type { StepStatus } from "@visit-once/prisma";
import type { CitizenField, StepGrant } from "@visit-once/workflows/contracts";
import { readConflict } from "../staff/conflict";

/** The statuses of a department step that has reached its office: awaiting it, or answered or decided since. */
const OFFERED_STATUSES: readonly StepStatus[] = [
  "AWAITING_DECISION",
  "AWAITING_CITIZEN",
  "DONE",
  "REJECTED",
  "REVOKED",
];

/**
 * Whether a department step has been offered to its office. A cancelled case cancels its steps
 * whether or not they were offered; `startedAt` (set when a step first awaits a decision) tells
 * the two apart.
 */
export function wasOffered(step: { status: StepStatus; startedAt: Date | null }): boolean {
  return OFFERED_STATUSES.includes(step.status) || (step.status === "CANCELLED" && step.startedAt !== null);
}

/**
 * Only the `fields` of a record's data, in the grant's order (PostgreSQL's jsonb keeps no order
 * of its own); nothing when the data is not an object.
 */
export function pickFields(data: unknown, fields: readonly string[]): Record<string, unknown> {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return {};
  const record = data as Record<string, unknown>;
  return Object.fromEntries(fields.filter((f) => Object.hasOwn(record, f)).map((f) => [f, record[f]]));
}

/** Evidence records as a step's office is given them: only the granted record types, each with only its granted fields. */
export function minimiseRecords<R extends { recordType: string; data: unknown }>(
  grant: StepGrant,
  records: readonly R[],
): (Omit<R, "data"> & { data: Record<string, unknown> })[] {
  return records.flatMap((r) => {
    const fields = (grant.records as Record<string, readonly string[] | undefined>)[r.recordType];
    return fields ? [{ ...r, data: pickFields(r.data, fields) }] : [];
  });
}

export interface TypedField {
  name: string;
  label: CitizenField["label"];
  value: string;
}

/**
 * What the citizen typed, as a step's office is given it: the service's own fields (in its
 * order) that the grant names and the citizen filled in; whatever else the stored consent holds is dropped.
 */
export function minimiseTyped(grant: StepGrant, serviceFields: readonly CitizenField[], typed: unknown): TypedField[] {
  const values = typeof typed === "object" && typed !== null ? (typed as Record<string, unknown>) : {};
  return serviceFields.flatMap((f) => {
    if (!grant.typed.includes(f.name) || !Object.hasOwn(values, f.name)) return [];
    const value = values[f.name];
    return value === undefined || value === null || value === ""
      ? []
      : [{ name: f.name, label: f.label, value: String(value) }];
  });
}

/**
 * The record types a caseworker needs for one exception: the record it concerns and, for a
 * conflict, every record holding one of the values side by side. Nothing else of the case.
 */
export function exceptionRecordTypes(exception: { recordType: string | null; conflict: unknown }): string[] {
  const types = new Set<string>();
  if (exception.recordType) types.add(exception.recordType);
  for (const v of readConflict(exception.conflict)?.values ?? []) types.add(v.recordType);
  return [...types];
}
