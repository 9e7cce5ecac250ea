import { defineQuery } from "@temporalio/workflow";
import type { z } from "zod";
import type { resolutionSchema } from "./case-action-args";
import type { CaseActionInput } from "./case-actions";
import type { CaseStatus } from "./case-status";
import type { ExceptionDetail } from "./case-words";
import type { Conflict } from "./harmonisation";
import type { RecordType } from "./records";
import type { ReviewView } from "./review";
import type { StepOffice } from "./services";
import type { Correction } from "./correction";

// The life of a case after the records arrive, as typed contracts: its steps, exceptions and
// refusals, and what the workflow answers when asked. Its statuses are ./case-status, the
// actions people take on it ./case-actions.

/** What an officer decides on a step. */
export type StepDecision = CaseActionInput<"decide">["decision"];

/** A department step as the workflow tracks it. */
export type TaskStatus =
  "WAITING" | "AWAITING_DECISION" | "AWAITING_CITIZEN" | "APPROVED" | "REJECTED" | "REVOKED" | "CANCELLED";

export type ExceptionKind =
  | "CONFLICT"
  | "MISSING_RECORD"
  | "UNUSABLE_RECORD"
  | "DEPARTMENT_UNAVAILABLE"
  | "OVERDUE_STEP"
  | "CITIZEN_DISPUTE"
  | "NO_CONSENT"
  | "UNSTORABLE_DATA";
/** AT_DEPARTMENT: a correction task at the department that holds the record (see ./correction). */
export type ExceptionStatus = "OPEN" | "WAITING_CITIZEN" | "REFETCHING" | "AT_DEPARTMENT" | "RESOLVED";

export interface CaseException {
  id: string;
  kind: ExceptionKind;
  status: ExceptionStatus;
  /** The department whose record or step it concerns. */
  departmentCode: StepOffice | null;
  recordType?: RecordType;
  stepKey?: string;
  conflict?: Conflict;
  /** Plain-language summary in English (rows from before `detail` show it). */
  summary: string;
  /** What the exception names beyond its columns, as data for the pages to word. */
  detail?: ExceptionDetail;
  /** Whether department steps wait for it (exceptions found while checking the records do). */
  blocking: boolean;
}

/** How a caseworker resolves an exception (its schema: `resolutionSchema`). */
export type Resolution = z.output<typeof resolutionSchema>;

/** Which resolutions fit each kind of exception. */
export const RESOLUTIONS_BY_KIND: Readonly<Record<ExceptionKind, readonly Resolution["kind"][]>> = {
  CONFLICT: ["choose-value", "refetch", "ask-department", "ask-citizen", "reject"],
  MISSING_RECORD: ["accept", "refetch", "ask-citizen", "reject"],
  UNUSABLE_RECORD: ["accept", "refetch", "ask-citizen", "reject"],
  DEPARTMENT_UNAVAILABLE: ["refetch", "ask-citizen", "reject"],
  CITIZEN_DISPUTE: ["accept", "refetch", "ask-department", "ask-citizen", "reject"],
  /** A record the service needs that the citizen did not agree to share: ask again, or go on without it. */
  NO_CONSENT: ["ask-citizen", "accept", "reject"],
  OVERDUE_STEP: ["escalate", "reject"],
  /** Something sent to the case could not be stored as it was (it was stored cleaned): go on, or reject. */
  UNSTORABLE_DATA: ["accept", "reject"],
};

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
  "basis-does-not-fit",
  "no-such-review",
  "review-not-offered",
  "review-not-requested",
  "grounds-required",
  "review-reasons-required",
  "same-reviewer",
  "wrong-reviewer",
  "no-such-correction",
  "correction-not-open",
  "correction-invalid",
  "not-correctable",
  "record-required",
  "no-record-to-withdraw",
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
  /** Refusals offered for review (复核), and how each stands. */
  reviews?: ReviewView[];
  /** Correction tasks at departments (absent before corrections at the source). */
  corrections?: Correction[];
  /** The records the citizen withdrew her consent for at the preview (their values are gone from the case). */
  withdrawn?: RecordType[];
}

export const getCaseQuery = defineQuery<CaseView>("getCase");
