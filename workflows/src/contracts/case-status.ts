// The one status vocabulary of a case: the workflow's, the database's (the Prisma enum
// `ApplicationStatus` is tested against this list) and the pages'.

export const CASE_STATUSES = [
  "SUBMITTED",
  "FETCHING",
  "RECORDS_READY",
  /** The citizen reviews the values retrieved for her, with their sources, before anything reaches an office. */
  "AWAITING_CONFIRMATION",
  "AWAITING_CASEWORKER",
  "IN_DEPARTMENTS",
  "ISSUING",
  "COMPLETED",
  "REJECTED",
  "CANCELLED",
  /** Only cases started before caseworkers and department steps existed end here. */
  "FAILED",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === "string" && (CASE_STATUSES as readonly string[]).includes(value);
}

const FINAL = ["COMPLETED", "REJECTED", "CANCELLED", "FAILED"] as const satisfies readonly CaseStatus[];
export type FinalStatus = (typeof FINAL)[number];
/** The statuses a case ends in: nothing changes it after. */
export const FINAL_STATUSES: readonly CaseStatus[] = FINAL;
