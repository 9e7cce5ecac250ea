import {
  ActivityFailure,
  ApplicationFailure,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
} from "@temporalio/workflow";
import type { DepartmentActivities, OrchestratorActivities } from "./contracts/activities";
import { RECORD_NOT_FOUND } from "./contracts/activities";
import {
  type ApplicationOutcome,
  type ApplicationStatus,
  type ApplicationWorkflowInput,
  getStatusQuery,
  SEARCH_ATTRIBUTES,
} from "./contracts/application";
import { DEPARTMENTS, departmentTaskQueue, type DepartmentCode } from "./contracts/departments";
import type { EvidenceRecord } from "./contracts/records";
import { SERVICES } from "./contracts/services";

/**
 * The projection writes are short database statements in the workflow's own worker, so
 * they run as local activities: no round trip through the server, a marker in history.
 */
const orchestrator = proxyLocalActivities<OrchestratorActivities>({
  startToCloseTimeout: "10 seconds",
  retry: { initialInterval: "200 milliseconds", maximumInterval: "30 seconds" },
});

/**
 * A department that is down only delays the case: fetches retry with backoff for as long
 * as it takes. A record the department says does not exist is final.
 */
function departmentActivities(code: DepartmentCode) {
  return proxyActivities<DepartmentActivities>({
    taskQueue: departmentTaskQueue(code),
    startToCloseTimeout: "15 seconds",
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

export async function applicationWorkflow(input: ApplicationWorkflowInput): Promise<ApplicationOutcome> {
  const service = SERVICES[input.serviceCode];
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

  const reasons: string[] = [];
  const records: EvidenceRecord[] = [];
  await Promise.all(
    service.evidence.map(async (requirement) => {
      const stepKey = fetchStepKey(requirement.recordType);
      try {
        const record = await departmentActivities(requirement.department).fetchEvidence({
          recordType: requirement.recordType,
          subjectNationalId: input.subjectNationalId,
        });
        await orchestrator.saveEvidence({
          applicationId: input.applicationId,
          stepKey,
          record,
        });
        records.push(record);
      } catch (err) {
        const reason = describeFetchFailure(err, requirement.department, requirement.recordType);
        reasons.push(reason);
        await orchestrator.failStep({ applicationId: input.applicationId, stepKey, reason });
      } finally {
        pending.delete(stepKey);
      }
    }),
  );
  await begun;

  if (reasons.length === 0) {
    await orchestrator.markRecordsReady({ applicationId: input.applicationId });
    status = "RECORDS_READY";
    reasons.push(...crossCheck(input.subjectNationalId, records));
  }
  const outcome: ApplicationOutcome = { status: reasons.length === 0 ? "COMPLETED" : "FAILED", reasons: reasons.sort() };
  await orchestrator.finishApplication({ applicationId: input.applicationId, ...outcome });
  status = outcome.status;
  upsertSearchAttributes({ [SEARCH_ATTRIBUTES.status.name]: [status] });
  return outcome;
}

function describeFetchFailure(err: unknown, department: DepartmentCode, recordType: string): string {
  const cause = err instanceof ActivityFailure ? err.cause : err;
  const name = DEPARTMENTS[department].name.en;
  if (cause instanceof ApplicationFailure && cause.type === RECORD_NOT_FOUND) {
    return `The ${name} holds no ${recordType} record for the applicant.`;
  }
  if (cause instanceof ApplicationFailure) {
    return `The ${name} sent a ${recordType} record that could not be used (${cause.type ?? "error"}).`;
  }
  throw err;
}

/** The thin slice's check: the birth certificate must name the applicant as a parent. */
function crossCheck(subjectNationalId: string, records: EvidenceRecord[]): string[] {
  const birth = records.find((r) => r.recordType === "birth-certificate");
  if (!birth) return [];
  const parents = [birth.data.motherNationalId, birth.data.fatherNationalId];
  return parents.includes(subjectNationalId)
    ? []
    : ["The medical birth certificate does not name the applicant as a parent."];
}
