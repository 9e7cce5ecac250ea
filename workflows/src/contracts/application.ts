import { defineQuery } from "@temporalio/workflow";
import type { Conflict, MissingRecord } from "./harmonisation";
import type { SERVICES } from "./services";

/** How long to wait for a department that is not answering (tests shorten it). */
export interface FetchPolicy {
  /** Retries with backoff within this many seconds, then the case waits. */
  retryBudgetSeconds: number;
  /** How long the case waits before asking the department again. */
  waitSeconds: number;
  /** How many budgets in all before the fetch is given up as unavailable. */
  rounds: number;
}

export interface ApplicationWorkflowInput {
  applicationId: string;
  serviceCode: keyof typeof SERVICES;
  /** The applicant's national id, used only in requests to departments; never in ids or search attributes. */
  subjectNationalId: string;
  fetchPolicy?: FetchPolicy;
}

export type ApplicationStatus = "SUBMITTED" | "FETCHING" | "RECORDS_READY" | "COMPLETED" | "FAILED";

export interface ApplicationOutcome {
  status: "COMPLETED" | "FAILED";
  reasons: string[];
  conflicts: Conflict[];
  missing: MissingRecord[];
}

/** The business id is the workflow id: one application, one case, however often it is submitted. */
export function applicationWorkflowId(applicationId: string): string {
  return `application-${applicationId}`;
}

export const getStatusQuery = defineQuery<{ status: ApplicationStatus; pending: string[] }>("getStatus");

/** Search attributes the project registers with Temporal (no personal data). */
export const SEARCH_ATTRIBUTES = {
  serviceCode: { name: "VoServiceCode", type: "Keyword" },
  status: { name: "VoStatus", type: "Keyword" },
} as const;
