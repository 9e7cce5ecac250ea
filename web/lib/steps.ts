// The case as the citizen's pages see it, and pure checks on it. Client-safe: no server or
// workflow runtime imports; the words live in the message catalogues (citizen.status, citizen.stepStatus).

// The projection's own enums (type-only: nothing of Prisma reaches the browser).
export type { ApplicationStatus, StepKind, StepStatus } from "@visit-once/prisma";
import type { ApplicationStatus, StepKind, StepStatus } from "@visit-once/prisma";

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
  /** The reasons in Chinese, when the case gave them (older cases: none). */
  reasonsZh: string[];
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
