import { defineQuery, defineUpdate } from "@temporalio/workflow";
import type { Conflict } from "./harmonisation";
import type { RecordType } from "./records";
import type { StepOffice } from "./services";

// The life of a case after the records arrive, as typed contracts: its statuses, the
// actions people take on it (Temporal updates, each checked against the status table
// before anything changes), and what the workflow answers when asked.

export type CaseStatus =
  | "SUBMITTED"
  | "FETCHING"
  | "RECORDS_READY"
  | "AWAITING_CASEWORKER"
  | "IN_DEPARTMENTS"
  | "ISSUING"
  | "COMPLETED"
  | "REJECTED"
  | "CANCELLED"
  /** Only cases started before caseworkers and department steps existed end here. */
  | "FAILED";

export const FINAL_STATUSES: readonly CaseStatus[] = ["COMPLETED", "REJECTED", "CANCELLED", "FAILED"];

export type CaseAction = "decideStep" | "resolveException" | "replyToRequest" | "disputeRecord" | "cancel";

/** Which actions a case accepts in each status. Anything else is refused and changes nothing. */
export const ALLOWED_ACTIONS: Readonly<Record<CaseStatus, readonly CaseAction[]>> = {
  SUBMITTED: ["cancel"],
  FETCHING: ["cancel"],
  RECORDS_READY: ["disputeRecord", "cancel"],
  AWAITING_CASEWORKER: ["resolveException", "replyToRequest", "disputeRecord", "cancel"],
  IN_DEPARTMENTS: ["decideStep", "resolveException", "replyToRequest", "disputeRecord", "cancel"],
  ISSUING: ["cancel"],
  COMPLETED: [],
  REJECTED: [],
  CANCELLED: [],
  FAILED: [],
};

export type StepDecision = "approve" | "reject" | "request-correction";

/** A department step as the workflow tracks it. */
export type TaskStatus = "WAITING" | "AWAITING_DECISION" | "AWAITING_CITIZEN" | "APPROVED" | "REJECTED" | "REVOKED" | "CANCELLED";

export type ExceptionKind = "CONFLICT" | "MISSING_RECORD" | "UNUSABLE_RECORD" | "DEPARTMENT_UNAVAILABLE" | "OVERDUE_STEP" | "CITIZEN_DISPUTE" | "NO_CONSENT" | "UNSTORABLE_DATA";
export type ExceptionStatus = "OPEN" | "WAITING_CITIZEN" | "REFETCHING" | "RESOLVED";

export interface CaseException {
  id: string;
  kind: ExceptionKind;
  status: ExceptionStatus;
  /** The department whose record or step it concerns. */
  departmentCode: StepOffice | null;
  recordType?: RecordType;
  stepKey?: string;
  conflict?: Conflict;
  /** Plain-language summary for the queue. */
  summary: string;
  /** Whether department steps wait for it (exceptions found while checking the records do). */
  blocking: boolean;
}

export type Resolution =
  /** A conflict: the authoritative value, and why. */
  | { kind: "choose-value"; value: string; justification: string }
  /** A missing, unusable or disputed record: go on without changing it, and why. */
  | { kind: "accept"; justification: string }
  /** Ask the department again (missing, unavailable, conflicting or disputed records). */
  | { kind: "refetch" }
  | { kind: "ask-citizen"; question: string }
  /** An overdue step: remind the department's head office again. */
  | { kind: "escalate"; note: string }
  | { kind: "reject"; reason: string };

/** Which resolutions fit each kind of exception. */
export const RESOLUTIONS_BY_KIND: Readonly<Record<ExceptionKind, readonly Resolution["kind"][]>> = {
  CONFLICT: ["choose-value", "refetch", "ask-citizen", "reject"],
  MISSING_RECORD: ["accept", "refetch", "ask-citizen", "reject"],
  UNUSABLE_RECORD: ["accept", "refetch", "ask-citizen", "reject"],
  DEPARTMENT_UNAVAILABLE: ["refetch", "ask-citizen", "reject"],
  CITIZEN_DISPUTE: ["accept", "refetch", "ask-citizen", "reject"],
  /** A record the service needs that the citizen did not agree to share: ask again, or go on without it. */
  NO_CONSENT: ["ask-citizen", "accept", "reject"],
  OVERDUE_STEP: ["escalate", "reject"],
  /** Something sent to the case could not be stored as it was (it was stored cleaned): go on, or reject. */
  UNSTORABLE_DATA: ["accept", "reject"],
};

/** Every action carries the id of the request that made it: repeating a request changes nothing. */
interface Action {
  requestId: string;
  actorId: string;
}

export interface DecideStepArgs extends Action {
  stepKey: string;
  /** The officer's office; must be the step's. */
  office: StepOffice;
  decision: StepDecision;
  reason: string;
}

export interface ResolveExceptionArgs extends Action {
  exceptionId: string;
  resolution: Resolution;
}

export interface ReplyArgs extends Action {
  informationRequestId: string;
  reply: string;
}

export interface DisputeArgs extends Action {
  recordType: RecordType;
  explanation: string;
}

export interface CancelArgs extends Action {
  reason: string;
}

export interface ActionResult {
  status: CaseStatus;
}

export const decideStepUpdate = defineUpdate<ActionResult, [DecideStepArgs]>("decideStep");
export const resolveExceptionUpdate = defineUpdate<ActionResult, [ResolveExceptionArgs]>("resolveException");
export const replyToRequestUpdate = defineUpdate<ActionResult, [ReplyArgs]>("replyToRequest");
export const disputeRecordUpdate = defineUpdate<ActionResult, [DisputeArgs]>("disputeRecord");
export const cancelUpdate = defineUpdate<ActionResult, [CancelArgs]>("cancel");

/**
 * Why the workflow refused an action: the failure's type is one of these codes and its
 * details carry the values, so the pages can say it in the reader's language (the
 * failure's message is the English sentence).
 */
export const REFUSAL_CODES = [
  "case-not-taking",
  "no-such-exception",
  "exception-not-open",
  "resolution-does-not-fit",
  "value-not-held",
  "nothing-to-refetch",
  "refetches-used-up",
  "justification-required",
  "no-such-step",
  "wrong-office",
  "step-not-awaiting",
  "reason-required",
  "corrections-used-up",
  "no-such-request",
  "request-not-open",
  "reply-empty",
  "no-record-to-dispute",
  "explanation-required",
  "text-invalid",
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];
/** The values a refusal names: status, action, office, record type, step key, counts. */
export type RefusalParams = Record<string, string | number>;

export interface CaseView {
  status: CaseStatus;
  pending: string[];
  tasks: { key: string; office: StepOffice; status: TaskStatus; dueAt?: string; overdue: boolean }[];
  exceptions: CaseException[];
  informationRequests: { id: string; status: "OPEN" | "ANSWERED" | "EXPIRED"; dueAt: string }[];
  issued: string[];
}

export const getCaseQuery = defineQuery<CaseView>("getCase");
