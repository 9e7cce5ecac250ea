// Words for the case timeline. Client-safe: no server or workflow imports.

export type StepStatus = "PENDING" | "RUNNING" | "DONE" | "FAILED" | "AWAITING_DECISION" | "AWAITING_CITIZEN" | "REJECTED" | "REVOKED" | "CANCELLED";
export type ApplicationStatus =
  | "SUBMITTED"
  | "FETCHING"
  | "RECORDS_READY"
  | "AWAITING_CASEWORKER"
  | "IN_DEPARTMENTS"
  | "ISSUING"
  | "COMPLETED"
  | "REJECTED"
  | "CANCELLED"
  | "FAILED";

export interface StepView {
  key: string;
  position: number;
  departmentCode: string | null;
  status: StepStatus;
  detail: string | null;
  startedAt: string | null;
  completedAt: string | null;
}

export interface RecordView {
  recordType: string;
  departmentCode: string;
  sourceRecordId: string;
  retrievedAt: string;
  data: unknown;
}

export interface ApplicationView {
  id: string;
  serviceCode: string;
  status: ApplicationStatus;
  submittedAt: string;
  completedAt: string | null;
  steps: StepView[];
  records: RecordView[];
}

export const RECORD_LABELS: Record<string, string> = {
  identity: "identity record",
  household: "household registration",
  "birth-certificate": "medical birth certificate",
  vaccination: "vaccination record",
  marriage: "marriage record",
  "social-insurance": "social insurance contribution history",
  "tax-clearance": "tax clearance",
  property: "real estate registration",
  "business-registration": "business registration",
  "medical-insurance": "medical insurance enrolment",
};

const STEP_LABELS: Record<string, string> = {
  "fetch:identity": "Identity record from Public Security Bureau",
  "fetch:birth-certificate": "Medical birth certificate from Health Commission",
  "fetch:marriage": "Marriage record from Civil Affairs Bureau",
  review: "Checks and registration",
};

export function recordLabel(recordType: string): string {
  return RECORD_LABELS[recordType] ?? recordType.replaceAll("-", " ") + " record";
}

/** A human label for a step key; unknown fetch steps still read sensibly. */
export function stepLabel(key: string, departmentName?: string): string {
  const known = STEP_LABELS[key];
  if (known) return known;
  if (key.startsWith("fetch:")) {
    const record = recordLabel(key.slice("fetch:".length));
    const label = record.charAt(0).toUpperCase() + record.slice(1);
    return departmentName ? `${label} from ${departmentName}` : label;
  }
  return key;
}

export function stepStatusText(status: StepStatus): string {
  switch (status) {
    case "PENDING":
      return "Waiting";
    case "RUNNING":
      return "In progress";
    case "DONE":
      return "Done";
    case "FAILED":
      return "Failed";
    case "AWAITING_DECISION":
      return "With the department";
    case "AWAITING_CITIZEN":
      return "Waiting for you";
    case "REJECTED":
      return "Rejected";
    case "REVOKED":
      return "Reversed";
    case "CANCELLED":
      return "Cancelled";
  }
}

/** Why a case failed, in the order of its steps. */
export function failureReasons(steps: readonly StepView[]): string[] {
  return [...steps]
    .sort((a, b) => a.position - b.position)
    .filter((s) => s.status === "FAILED")
    .map((s) => s.detail?.trim() || `${stepLabel(s.key)} failed`);
}

export function overallStatusText(status: ApplicationStatus, steps: readonly StepView[]): string {
  switch (status) {
    case "SUBMITTED":
    case "FETCHING":
      return "Collecting your records…";
    case "RECORDS_READY":
      return "Records received";
    case "AWAITING_CASEWORKER":
      return "A caseworker is checking your records";
    case "IN_DEPARTMENTS":
      return "With the departments";
    case "ISSUING":
      return "Issuing your documents";
    case "COMPLETED":
      return "Completed";
    case "REJECTED":
      return "Not approved";
    case "CANCELLED":
      return "Cancelled";
    case "FAILED": {
      const reasons = failureReasons(steps);
      return reasons.length > 0 ? `Could not be completed: ${reasons.join(" ")}` : "Could not be completed.";
    }
  }
}

export function isFinal(status: ApplicationStatus): boolean {
  return status === "COMPLETED" || status === "FAILED" || status === "REJECTED" || status === "CANCELLED";
}
