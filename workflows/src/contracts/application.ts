import type { FinalStatus } from "./case-status";
import type { Conflict, MissingRecord } from "./harmonisation";
import type { RecordType } from "./records";
import type { SERVICES, ServiceDefinition } from "./services";

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
  /** The records the citizen consented to share for this service; only these are fetched. */
  consent?: RecordType[];
  fetchPolicy?: FetchPolicy;
  /**
   * The service definition as it was when the case started (its `version` included): the case
   * runs on this, not on the current code. Absent in cases started before it was pinned.
   */
  service?: ServiceDefinition;
}

export interface ApplicationOutcome {
  status: FinalStatus;
  reasons: string[];
  conflicts: Conflict[];
  missing: MissingRecord[];
}

/** A case's timeline: one step per consented record, the checks, then the service's department steps. */
export const fetchStepKey = (recordType: string) => `fetch:${recordType}`;
export const REVIEW_STEP_KEY = "review";

export interface CaseStep {
  key: string;
  /** The department asked for the record, or the office deciding the step; null for the checks. */
  departmentCode: string | null;
  kind: "FETCH" | "CHECK" | "DEPARTMENT";
}

export function caseSteps(
  service: Pick<ServiceDefinition, "evidence" | "steps">,
  consented: readonly RecordType[],
): CaseStep[] {
  return [
    ...service.evidence
      .filter((e) => consented.includes(e.recordType))
      .map((e) => ({
        key: fetchStepKey(e.recordType),
        departmentCode: e.department as string,
        kind: "FETCH" as const,
      })),
    { key: REVIEW_STEP_KEY, departmentCode: null, kind: "CHECK" as const },
    ...service.steps.map((s) => ({ key: s.key, departmentCode: s.office as string, kind: "DEPARTMENT" as const })),
  ];
}

/** The business id is the workflow id: one application, one case, however often it is submitted. */
export function applicationWorkflowId(applicationId: string): string {
  return `application-${applicationId}`;
}

/** Search attributes the project registers with Temporal (no personal data); typed keys in `search-attributes.ts`. */
export const SEARCH_ATTRIBUTES = {
  serviceCode: { name: "VoServiceCode", type: "Keyword" },
  status: { name: "VoStatus", type: "Keyword" },
  /** The offices whose decision the case waits for ("caseworker" while an exception blocks it). */
  awaiting: { name: "VoAwaiting", type: "KeywordList" },
  overdue: { name: "VoOverdue", type: "Bool" },
} as const;
