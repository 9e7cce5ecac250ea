import { ActivityFailure, ApplicationFailure, isCancellation, proxyActivities, sleep } from "@temporalio/workflow";
import type { DepartmentActivities } from "./contracts/activities";
import { RECORD_NOT_FOUND } from "./contracts/activities";
import { type FetchPolicy, fetchStepKey } from "./contracts/application";
import { DEPARTMENTS, departmentTaskQueue, type DepartmentCode } from "./contracts/departments";
import type { EvidenceRecord, RecordType } from "./contracts/records";
import { fetchProjection } from "./case-run";

/** How long a department may take to answer before the case waits for it, and how often it comes back. */
export const DEFAULT_FETCH_POLICY: FetchPolicy = { retryBudgetSeconds: 300, waitSeconds: 3600, rounds: 24 };


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

async function fetchOnce(department: DepartmentCode, recordType: RecordType, subjectNationalId: string, policy: FetchPolicy): Promise<FetchResult> {
  try {
    const record = await departmentActivities(department, policy).fetchEvidence({ recordType, subjectNationalId });
    return { kind: "record", record };
  } catch (err) {
    if (isCancellation(err)) throw err;
    const cause = err instanceof ActivityFailure ? err.cause : err;
    if (cause instanceof ApplicationFailure && cause.type === RECORD_NOT_FOUND) return { kind: "missing" };
    if (cause instanceof ApplicationFailure && cause.nonRetryable) return { kind: "unusable", reason: cause.type ?? "error" };
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
      waiting: true,
    });
    await sleep(`${policy.waitSeconds} seconds`);
    result = await fetchOnce(department, recordType, subjectNationalId, policy);
  }
  return result;
}

/** Why a fetch gave no record, in plain words. */
export function fetchFailureReason(result: Exclude<FetchResult, { kind: "record" }>, department: DepartmentCode, recordType: RecordType, policy: FetchPolicy): string {
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
