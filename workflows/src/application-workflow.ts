import {
  ActivityFailure,
  ApplicationFailure,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
} from "@temporalio/workflow";
import type { DepartmentActivities, OrchestratorActivities } from "./contracts/activities";
import { RECORD_NOT_FOUND } from "./contracts/activities";
import {
  type ApplicationOutcome,
  type ApplicationStatus,
  type ApplicationWorkflowInput,
  type FetchPolicy,
  getStatusQuery,
  SEARCH_ATTRIBUTES,
} from "./contracts/application";
import { DEPARTMENTS, departmentTaskQueue, type DepartmentCode } from "./contracts/departments";
import type { EvidenceRecord, RecordType } from "./contracts/records";
import { SERVICES } from "./contracts/services";
import type { MissingRecord } from "./contracts/harmonisation";
import { unmetRules } from "./eligibility";
import { describeConflict, harmonise } from "./harmonise";

/**
 * The projection writes are short database statements in the workflow's own worker, so
 * they run as local activities: no round trip through the server, a marker in history.
 */
const orchestrator = proxyLocalActivities<OrchestratorActivities>({
  startToCloseTimeout: "10 seconds",
  retry: { initialInterval: "200 milliseconds", maximumInterval: "30 seconds" },
});

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

export const fetchStepKey = (recordType: string) => `fetch:${recordType}`;
export const REVIEW_STEP_KEY = "review";

type FetchResult =
  | { kind: "record"; record: EvidenceRecord }
  | { kind: "missing" }
  | { kind: "unusable"; reason: string }
  | { kind: "unavailable" };

export async function applicationWorkflow(input: ApplicationWorkflowInput): Promise<ApplicationOutcome> {
  const service = SERVICES[input.serviceCode];
  const policy = input.fetchPolicy ?? DEFAULT_FETCH_POLICY;
  let status: ApplicationStatus = "FETCHING";
  const pending = new Set(service.evidence.map((e) => fetchStepKey(e.recordType)));
  setHandler(getStatusQuery, () => ({ status, pending: [...pending] }));
  upsertSearchAttributes({
    [SEARCH_ATTRIBUTES.serviceCode.name]: [service.code],
    [SEARCH_ATTRIBUTES.status.name]: [status],
  });

  const steps = [
    ...service.evidence.map((e) => ({ key: fetchStepKey(e.recordType), departmentCode: e.department as string | null })),
    { key: REVIEW_STEP_KEY, departmentCode: null },
  ];
  // Writing the step list runs beside the fetches, not before them: the projection's
  // writes are order-independent, and the citizen should not wait on our own bookkeeping.
  const begun = orchestrator.beginApplication({ applicationId: input.applicationId, steps });

  const fetchOnce = async (department: DepartmentCode, recordType: RecordType): Promise<FetchResult> => {
    try {
      const record = await departmentActivities(department, policy).fetchEvidence({ recordType, subjectNationalId: input.subjectNationalId });
      return { kind: "record", record };
    } catch (err) {
      const cause = err instanceof ActivityFailure ? err.cause : err;
      if (cause instanceof ApplicationFailure && cause.type === RECORD_NOT_FOUND) return { kind: "missing" };
      if (cause instanceof ApplicationFailure && cause.nonRetryable) return { kind: "unusable", reason: cause.type ?? "error" };
      // Retries ran out of budget (timeouts, 5xx, refusals): the department is unavailable for now.
      if (err instanceof ActivityFailure) return { kind: "unavailable" };
      throw err;
    }
  };

  const reasons: string[] = [];
  const records: EvidenceRecord[] = [];
  const missing: MissingRecord[] = [];
  await Promise.all(
    service.evidence.map(async ({ department, recordType }) => {
      const stepKey = fetchStepKey(recordType);
      const name = DEPARTMENTS[department].name.en;
      let result = await fetchOnce(department, recordType);
      // A department that stays down past the retry budget: say so, wait, come back.
      for (let round = 1; result.kind === "unavailable" && round < policy.rounds; round++) {
        await orchestrator.failStep({
          applicationId: input.applicationId,
          stepKey,
          reason: `The ${name} system is not answering; we will ask again automatically.`,
          waiting: true,
        });
        await sleep(`${policy.waitSeconds} seconds`);
        result = await fetchOnce(department, recordType);
      }
      pending.delete(stepKey);
      if (result.kind === "record") {
        await orchestrator.saveEvidence({ applicationId: input.applicationId, stepKey, record: result.record });
        records.push(result.record);
        return;
      }
      const reason =
        result.kind === "missing"
          ? `The ${name} holds no ${recordType} record for the applicant.`
          : result.kind === "unusable"
            ? `The ${name} sent a ${recordType} record that could not be used (${result.reason}).`
            : `The ${name} system did not answer after ${policy.rounds} attempts over time.`;
      if (result.kind === "missing") missing.push({ recordType, department });
      reasons.push(reason);
      await orchestrator.failStep({ applicationId: input.applicationId, stepKey, reason });
    }),
  );
  await begun;

  if (reasons.length === 0) {
    await orchestrator.markRecordsReady({ applicationId: input.applicationId });
    status = "RECORDS_READY";
  }
  const report = harmonise(input.subjectNationalId, records, missing);
  reasons.push(...report.conflicts.map(describeConflict));
  if (reasons.length === 0) {
    // Workflow time is deterministic (replayed from history), so this is safe here.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    reasons.push(...unmetRules(service.eligibility, records, today).map((rule) => rule.message.en));
  }
  const outcome: ApplicationOutcome = {
    status: reasons.length === 0 ? "COMPLETED" : "FAILED",
    reasons: reasons.sort(),
    conflicts: report.conflicts,
    missing: report.missing,
  };
  await orchestrator.finishApplication({ applicationId: input.applicationId, status: outcome.status, reasons: outcome.reasons });
  status = outcome.status;
  upsertSearchAttributes({ [SEARCH_ATTRIBUTES.status.name]: [status] });
  return outcome;
}
