import type { DepartmentCode } from "./departments";
import type { RecordType } from "./records";

/** What harmonisation reports: where departments disagree, and what they do not hold. */
export interface ConflictValue {
  value: string;
  recordType: RecordType;
  department: string;
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
