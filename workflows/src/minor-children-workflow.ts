import { ActivityFailure, ApplicationFailure, proxyActivities } from "@temporalio/workflow";
import { type DepartmentActivities, RECORD_NOT_FOUND } from "./contracts/activities";
import { departmentTaskQueue, type DepartmentCode } from "./contracts/departments";
import {
  beijingDay,
  type HouseholdRecord,
  type MinorChildrenResult,
  provenMinorChildren,
} from "./contracts/representation";

/** Short: a person waits on the page for the answer; a department that does not answer is said so. */
function department(code: DepartmentCode) {
  return proxyActivities<DepartmentActivities>({
    taskQueue: departmentTaskQueue(code),
    startToCloseTimeout: "10 seconds",
    scheduleToCloseTimeout: "30 seconds",
    retry: {
      initialInterval: "500 milliseconds",
      maximumInterval: "5 seconds",
      nonRetryableErrorTypes: [RECORD_NOT_FOUND],
    },
  });
}

function isNotFound(err: unknown): boolean {
  return (
    err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && err.cause.type === RECORD_NOT_FOUND
  );
}

/**
 * Which minor children the records prove a parent may act for (代办): her household on the Public
 * Security register and the Health Commission's birth certificates naming her, asked of each
 * department's own worker (only it holds that department's credentials), in parallel. The
 * identity numbers travel in the (sealed) payloads only; the workflow id names none.
 */
export async function minorChildrenWorkflow(input: { parentNationalId: string }): Promise<MinorChildrenResult> {
  const [household, births] = await Promise.all([
    department("public-security")
      .fetchEvidence({ recordType: "household", subjectNationalId: input.parentNationalId })
      .then((r) => r.data as HouseholdRecord)
      .catch((err: unknown) => {
        if (isNotFound(err)) return null;
        throw err;
      }),
    department("health").listBirthCertificates({ parentNationalId: input.parentNationalId }),
  ]);
  // Workflow time is deterministic; the age is counted in Beijing days.
  const today = beijingDay(new Date(Date.now()));
  return {
    householdFound: household !== null,
    children: provenMinorChildren(input.parentNationalId, household, births, today),
  };
}
