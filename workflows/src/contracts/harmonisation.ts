import type { DepartmentCode } from "./departments";
import type { RecordType } from "./records";

/** What harmonisation reports: where departments disagree, and what they do not hold. */
export interface ConflictValue {
  value: string;
  recordType: RecordType;
  /** The office holding it ("application" for what the citizen submitted). */
  department: string;
  /**
   * Where the value comes from when it is not the office's record itself: read from the
   * identity number, or the application. Absent in conflicts from before (their department
   * then says it: "public-security (identity number)").
   */
  source?: "identity-number" | "application";
  /** A value that is a statement rather than data, for the pages to word (the value itself stays the choice's key). */
  meaning?: "the-applicant" | "spouse-listed";
}

export interface Conflict {
  field: "fullName" | "birthDate" | "address" | "maritalStatus" | "parent";
  values: ConflictValue[];
}

export interface MissingRecord {
  recordType: RecordType;
  department: DepartmentCode;
}

export interface HarmonisationReport {
  conflicts: Conflict[];
  missing: MissingRecord[];
}
