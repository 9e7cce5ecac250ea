// The case as the citizen's pages see it, and pure checks on it. Client-safe: no server or
// workflow runtime imports; the words live in the message catalogues (citizen.status, citizen.stepStatus).

// The projection's own enums (type-only: nothing of Prisma reaches the browser). A case's status
// is the contracts' one vocabulary (plain data, no zod: safe in the browser).
export type { StepKind, StepStatus } from "@visit-once/prisma";
import type { StepKind, StepStatus } from "@visit-once/prisma";
import { type CaseStatus, FINAL_STATUSES } from "@visit-once/workflows/contracts/case-status";

export type ApplicationStatus = CaseStatus;

export interface StepView {
  key: string;
  position: number;
  /** The office holding the step (for a department step, the deciding office). */
  departmentCode: string | null;
  kind: StepKind;
  dueAt: string | null;
  status: StepStatus;
  /** Why it failed or waits, in both languages (an officer's words as written). */
  detail: { en: string; zh: string } | null;
  /** A failed record step a caseworker accepted going without: shown as settled. */
  settled?: boolean;
  startedAt: string | null;
  completedAt: string | null;
}

export interface RecordView {
  recordType: string;
  departmentCode: string;
  sourceRecordId: string;
  retrievedAt: string;
  data: unknown;
  /** The e-certificate of her earlier case the record was taken from, instead of fetched; null when fetched. */
  certificate?: { code: string; issuedAt: string; issuedBy: string } | null;
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
  /** Her ratings, oldest first (the last is in force), each with the office's answer to a bad one. */
  ratings?: RatingView[];
  /** Whether she may rate (again): never rated, or the office has answered her bad rating. */
  canRate?: boolean;
  /** The offices a rating may be about, the lead office first. */
  ratableOffices?: string[];
  /** What the citizen typed for the service's citizen fields. */
  fields: Record<string, string | number>;
  /** Record types she withdrew her consent for at the preview (their values are gone). */
  withdrawn: string[];
  /** The China day by which she is asked to confirm her records at the preview; null when she never was. */
  previewDueDay: string | null;
  /** Acting for someone else (代办): who applied for whom, and which of the two is reading; null for one's own. */
  acting?: {
    basis: "minor-child" | "mandate";
    representativeName: string;
    subjectName: string;
    viewer: "representative" | "subject";
  } | null;
}

export interface RatingView {
  round: number;
  rating: "GOOD" | "BAD";
  comment: string | null;
  office: string | null;
  createdAt: string;
  /** The rectification a bad rating opened: its due time and, once answered, the office's reply and what it fixed. */
  rectification: { dueAt: string; reply: string | null; fixed: string | null; repliedAt: string | null } | null;
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
  return (
    Boolean(step.dueAt) && OPEN_STEP_STATUSES.includes(step.status) && new Date(step.dueAt!).getTime() < now.getTime()
  );
}

export function isFinal(status: ApplicationStatus): boolean {
  return FINAL_STATUSES.includes(status);
}
