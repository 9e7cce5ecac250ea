import type { CaseActionArgs } from "./case-actions";
import type { DepartmentCode } from "./departments";
import type { EvidenceRecord, RecordType } from "./records";

// Correction at the source: a disputed record, or a value a caseworker rules wrong, becomes a
// correction task at the department that holds it. The department's officer corrects the
// record in the department's own system (or refuses, with a reason); the case then fetches the
// record again and goes on.

/** Disputes open a correction at the department from this version on; older cases keep theirs with a caseworker. */
export const CORRECTION_PATCH = "correction-at-source";

/** Working days a department has to answer a correction before it goes back to a caseworker. */
export const CORRECTION_WORKING_DAYS = 5;

export type CorrectionStatus = "OPEN" | "CORRECTED" | "REFUSED" | "OVERDUE";

/** What a corrected value must look like: free text, an amount in yuan, or one of a closed set. */
export type CorrectableValue = "text" | "yuan" | readonly string[];

/** The fields of each record type its department can correct (in the data standard's names). */
export const CORRECTABLE_FIELDS = {
  identity: { fullName: "text", householdAddress: "text" },
  household: { address: "text" },
  "birth-certificate": { childName: "text", birthPlace: "text" },
  vaccination: {},
  marriage: { status: ["married", "divorced"] },
  "social-insurance": { fullName: "text", employerName: "text" },
  "tax-clearance": { outstandingAmountYuan: "yuan" },
  property: { address: "text", encumbered: ["true", "false"] },
  "business-registration": { status: ["active", "revoked", "cancelled"] },
  "medical-insurance": { fullName: "text", residentialAddress: "text", status: ["active", "suspended", "terminated"] },
} as const satisfies Record<RecordType, Record<string, CorrectableValue>>;

export interface FieldCorrection {
  field: string;
  value: string;
}

/** Longest corrected value: a name or an address. */
export const MAX_CORRECTED_VALUE = 200;

export function correctableFields(recordType: RecordType): Readonly<Record<string, CorrectableValue>> {
  return CORRECTABLE_FIELDS[recordType];
}

/** What is wrong with a set of corrections for a record type, or null when it is usable. */
export function correctionProblem(
  recordType: RecordType,
  fields: readonly FieldCorrection[],
): { field?: string; problem: "no-fields" | "unknown-field" | "bad-value" | "repeated-field" } | null {
  if (fields.length === 0) return { problem: "no-fields" };
  const allowed = correctableFields(recordType);
  const seen = new Set<string>();
  for (const { field, value } of fields) {
    const kind = Object.hasOwn(allowed, field) ? allowed[field] : undefined;
    if (!kind) return { field, problem: "unknown-field" };
    if (seen.has(field)) return { field, problem: "repeated-field" };
    seen.add(field);
    const v = value.trim();
    const ok =
      kind === "text"
        ? v.length > 0 && v.length <= MAX_CORRECTED_VALUE
        : kind === "yuan"
          ? /^\d{1,12}(\.\d{1,2})?$/.test(v)
          : kind.includes(v);
    if (!ok) return { field, problem: "bad-value" };
  }
  return null;
}

/** A correction task as the workflow tracks it and the projection stores it. */
export interface Correction {
  id: string;
  exceptionId: string;
  department: DepartmentCode;
  recordType: RecordType;
  status: CorrectionStatus;
  /** The citizen's explanation (a dispute) or the caseworker's note (a ruling). */
  explanation: string;
  /** The value a caseworker ruled wrong, when the correction comes from a conflict. */
  disputedValue?: string;
  openedAt: string;
  dueAt: string;
  closedAt?: string;
  answeredById?: string;
  fields?: FieldCorrection[];
  /** The officer's note with a correction, or why the department refused it. */
  reason?: string;
}

/** A department officer's answer to a correction task: the `correct` case action (./case-actions). */
export type AnswerCorrectionArgs = CaseActionArgs<"correct">;
export type CorrectionAnswer = AnswerCorrectionArgs["answer"];

/** What a department's correction endpoint is sent: the record as the case holds it, and the new values. */
export interface CorrectRecordInput {
  /** Names the correction to the department (its own idempotency key): a retry corrects once. */
  correctionId: string;
  recordType: RecordType;
  subjectNationalId: string;
  record: EvidenceRecord;
  fields: FieldCorrection[];
  note: string;
}

/** Whether a stored record type is one this release knows (every record type has its row in CORRECTABLE_FIELDS). */
export function isCorrectableRecordType(value: string): value is RecordType {
  return Object.hasOwn(CORRECTABLE_FIELDS, value);
}
