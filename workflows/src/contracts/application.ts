import { defineQuery } from "@temporalio/workflow";
import { z } from "zod";
import { RECORD_TYPE_CODES } from "./records";
import { SERVICES } from "./services";

export const serviceCodeSchema = z.enum(Object.keys(SERVICES) as [keyof typeof SERVICES]);

/** What a citizen sends to submit: the id is minted when the form opens, so resubmits are harmless. */
export const submitApplicationSchema = z.object({
  applicationId: z.uuid({ message: "applicationId must be a UUID" }),
  serviceCode: serviceCodeSchema,
  consent: z
    .array(z.enum(RECORD_TYPE_CODES as [string, ...string[]]))
    .min(1, "consent must list the records you agree to share"),
});
export type SubmitApplication = z.infer<typeof submitApplicationSchema>;

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
