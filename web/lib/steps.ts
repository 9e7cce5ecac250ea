// The case as the citizen's pages see it, and pure checks on it. Client-safe: no server or
// workflow imports; the words live in the message catalogues (citizen.status, citizen.stepStatus).

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

export type StepKind = "FETCH" | "CHECK" | "DEPARTMENT";

export interface StepView {
  key: string;
  position: number;
  /** The office holding the step (for a department step, the deciding office). */
  departmentCode: string | null;
  kind: StepKind;
  dueAt: string | null;
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
  /** Why the case was rejected, cancelled or failed, in plain words. */
  reasons: string[];
  events: EventView[];
  requests: InformationRequestView[];
  documents: DocumentView[];
  /** Whether the citizen has rated the service. */
  rated: boolean;
  /** What the citizen typed for the service's citizen fields. */
  fields: Record<string, string | number>;
}

export interface EventView {
  id: string;
  at: string;
  messageEn: string;
  messageZh: string;
}

export interface InformationRequestView {
  id: string;
  question: string;
  dueAt: string;
  status: "OPEN" | "ANSWERED" | "EXPIRED" | "CLOSED";
  reply: string | null;
}

export interface DocumentView {
  key: string;
  titleEn: string;
  titleZh: string;
  issuedBy: string;
  verificationCode: string;
  issuedAt: string;
  revokedAt: string | null;
}

const OPEN_STEP_STATUSES: readonly StepStatus[] = ["PENDING", "RUNNING", "AWAITING_DECISION", "AWAITING_CITIZEN"];

/** A step still open after its due date. */
export function isStepOverdue(step: { status: StepStatus; dueAt?: string | null }, now: Date): boolean {
  return Boolean(step.dueAt) && OPEN_STEP_STATUSES.includes(step.status) && new Date(step.dueAt!).getTime() < now.getTime();
}

export function isFinal(status: ApplicationStatus): boolean {
  return status === "COMPLETED" || status === "FAILED" || status === "REJECTED" || status === "CANCELLED";
}
