import {
  ActivityFailure,
  ApplicationFailure,
  isCancellation,
  patched,
  proxyActivities,
  sleep,
} from "@temporalio/workflow";
import type { DepartmentActivities, DepartmentFailure } from "./contracts/activities";
import type { StepDetail } from "./contracts/case-words";
import { DEPARTMENT_FAILED, RECORD_NOT_FOUND } from "./contracts/activities";
import { type FetchPolicy, fetchStepKey } from "./contracts/application";
import { DEPARTMENTS, departmentTaskQueue, type DepartmentCode } from "./contracts/departments";
import type { EvidenceRecord, RecordType } from "./contracts/records";
import { fetchProjection } from "./case-run";

/** How long a department may take to answer before the case waits for it, and how often it comes back. */
export const DEFAULT_FETCH_POLICY: FetchPolicy = { retryBudgetSeconds: 300, waitSeconds: 3600, rounds: 24 };

/**
 * Before this patch a fetch's retry budget was its scheduleToCloseTimeout, which kept running
 * while our own stack was down: an outage of ours used it up and the citizen was told the
 * department was not answering. Since, the budget counts only the department's failures.
 */
export const OWN_FAILURE_BUDGET_PATCH = "fetch-budget-counts-department-failures";

/** Backoff between a department's failed answers: 0.5 s doubling to 1 minute (as Temporal's retries did). */
const FIRST_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 60_000;

/**
 * The fetch, retried by Temporal without limit for anything of ours (a worker that died: its
 * heartbeat stops within 5 s; a worker that hangs: 15 s; no worker polling: it waits), and
 * handed back to the workflow for each failure of the department, which `fetchWithinBudget` counts.
 */
function heartbeatingActivities(code: DepartmentCode) {
  return proxyActivities<DepartmentActivities>({
    taskQueue: departmentTaskQueue(code),
    startToCloseTimeout: "15 seconds",
    heartbeatTimeout: "5 seconds",
    retry: {
      initialInterval: "500 milliseconds",
      backoffCoefficient: 2,
      maximumInterval: "10 seconds",
      nonRetryableErrorTypes: [RECORD_NOT_FOUND, DEPARTMENT_FAILED],
    },
  });
}

function departmentFailure(err: unknown): DepartmentFailure | undefined {
  const cause = err instanceof ActivityFailure ? err.cause : undefined;
  if (!(cause instanceof ApplicationFailure) || cause.type !== DEPARTMENT_FAILED) return undefined;
  const failedMs = (cause.details?.[0] as Partial<DepartmentFailure> | undefined)?.failedMs;
  return { failedMs: typeof failedMs === "number" && failedMs >= 0 ? failedMs : 0 };
}

/**
 * Retries while the department fails, with backoff, until its failures (each failed request's
 * time plus the backoff after it) add up to the budget; then the department is unavailable.
 */
async function fetchWithinBudget(
  department: DepartmentCode,
  recordType: RecordType,
  subjectNationalId: string,
  policy: FetchPolicy,
): Promise<EvidenceRecord> {
  const budgetMs = policy.retryBudgetSeconds * 1000;
  let spentMs = 0;
  for (let failures = 0; ; failures++) {
    try {
      return await heartbeatingActivities(department).fetchEvidence({ recordType, subjectNationalId });
    } catch (err) {
      const failure = departmentFailure(err);
      if (!failure) throw err;
      spentMs += failure.failedMs;
      const backoffMs = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** failures);
      if (spentMs + backoffMs > budgetMs) throw err;
      await sleep(backoffMs);
      spentMs += backoffMs;
    }
  }
}

/** Fetches retry with backoff within the budget; a record the department says does not exist is final. */
function departmentActivities(code: DepartmentCode, policy: FetchPolicy) {
  return proxyActivities<DepartmentActivities>({
    taskQueue: departmentTaskQueue(code),
    startToCloseTimeout: "15 seconds",
    scheduleToCloseTimeout: `${policy.retryBudgetSeconds} seconds`,
    retry: {
      initialInterval: "500 milliseconds",
      backoffCoefficient: 2,
      maximumInterval: "1 minute",
      nonRetryableErrorTypes: [RECORD_NOT_FOUND],
    },
  });
}

export type FetchResult =
  | { kind: "record"; record: EvidenceRecord }
  | { kind: "missing" }
  | { kind: "unusable"; reason: string }
  | { kind: "unavailable" };

async function fetchOnce(
  department: DepartmentCode,
  recordType: RecordType,
  subjectNationalId: string,
  policy: FetchPolicy,
): Promise<FetchResult> {
  try {
    const record = patched(OWN_FAILURE_BUDGET_PATCH)
      ? await fetchWithinBudget(department, recordType, subjectNationalId, policy)
      : await departmentActivities(department, policy).fetchEvidence({ recordType, subjectNationalId });
    return { kind: "record", record };
  } catch (err) {
    if (isCancellation(err)) throw err;
    const cause = err instanceof ActivityFailure ? err.cause : err;
    if (cause instanceof ApplicationFailure && cause.type === RECORD_NOT_FOUND) return { kind: "missing" };
    if (cause instanceof ApplicationFailure && cause.type === DEPARTMENT_FAILED) return { kind: "unavailable" };
    if (cause instanceof ApplicationFailure && cause.nonRetryable)
      return { kind: "unusable", reason: cause.type ?? "error" };
    // Retries ran out of budget (timeouts, 5xx, refusals): the department is unavailable for now.
    if (err instanceof ActivityFailure) return { kind: "unavailable" };
    throw err;
  }
}

/** One record from its department; a department that stays down past the budget is waited for, round after round. */
export async function fetchWithWaiting(
  applicationId: string,
  department: DepartmentCode,
  recordType: RecordType,
  subjectNationalId: string,
  policy: FetchPolicy,
  writer: Pick<typeof fetchProjection, "failStep"> = fetchProjection,
): Promise<FetchResult> {
  let result = await fetchOnce(department, recordType, subjectNationalId, policy);
  for (let round = 1; result.kind === "unavailable" && round < policy.rounds; round++) {
    await writer.failStep({
      applicationId,
      stepKey: fetchStepKey(recordType),
      reason: `The ${DEPARTMENTS[department].name.en} system is not answering; we will ask again automatically.`,
      words: { kind: "department-retrying", department },
      waiting: true,
    });
    await sleep(`${policy.waitSeconds} seconds`);
    result = await fetchOnce(department, recordType, subjectNationalId, policy);
  }
  return result;
}

/** Why a fetch gave no record, as data the pages word in the reader's language. */
export function fetchFailureDetail(
  result: Exclude<FetchResult, { kind: "record" }>,
  department: DepartmentCode,
  recordType: RecordType,
  policy: FetchPolicy,
): StepDetail {
  switch (result.kind) {
    case "missing":
      return { kind: "record-missing", department, recordType };
    case "unusable":
      return { kind: "record-unusable", department, recordType, problem: result.reason };
    case "unavailable":
      return { kind: "department-unavailable", department, recordType, attempts: policy.rounds };
  }
}

/** Why a fetch gave no record, in plain English (the projection's old column, and the record of a case from before casework). */
export function fetchFailureReason(
  result: Exclude<FetchResult, { kind: "record" }>,
  department: DepartmentCode,
  recordType: RecordType,
  policy: FetchPolicy,
): string {
  const name = DEPARTMENTS[department].name.en;
  switch (result.kind) {
    case "missing":
      return `The ${name} holds no ${recordType} record for the applicant.`;
    case "unusable":
      return `The ${name} sent a ${recordType} record that could not be used (${result.reason}).`;
    case "unavailable":
      return `The ${name} system did not answer after ${policy.rounds} attempts over time.`;
  }
}
