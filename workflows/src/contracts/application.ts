import { defineQuery } from "@temporalio/workflow";
import type { SERVICES } from "./services";

export interface ApplicationWorkflowInput {
  applicationId: string;
  serviceCode: keyof typeof SERVICES;
  /** The applicant's national id, used only in requests to departments; never in ids or search attributes. */
  subjectNationalId: string;
}

export type ApplicationStatus = "SUBMITTED" | "FETCHING" | "RECORDS_READY" | "COMPLETED" | "FAILED";

export interface ApplicationOutcome {
  status: "COMPLETED" | "FAILED";
  reasons: string[];
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
