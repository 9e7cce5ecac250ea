import type { ApplicationWorkflowInput } from "./application";
import { applicationWorkflowId } from "./application";
import { ORCHESTRATOR_TASK_QUEUE } from "./departments";
import type { RecordType } from "./records";
import { SERVICES, type ServiceCode, type ServiceDefinition } from "./services";

// How a case is started, written once for both starters: the submission (at once) and the
// reconcile schedule (whatever the submission's start left in the outbox).

/**
 * The workflow input of an application. The service definition travels in it as a snapshot, so
 * a case keeps the version it was submitted under however the service is edited later.
 */
export function caseStartInput(a: {
  applicationId: string;
  serviceCode: ServiceCode;
  subjectNationalId: string;
  consent: RecordType[];
}): ApplicationWorkflowInput {
  const service: ServiceDefinition = SERVICES[a.serviceCode];
  return {
    applicationId: a.applicationId,
    serviceCode: a.serviceCode,
    subjectNationalId: a.subjectNationalId,
    consent: a.consent,
    service,
  };
}

/**
 * The options of `client.workflow.start("applicationWorkflow", …)`: the workflow id comes from
 * the application id alone (no personal data), and starting twice joins the same case.
 */
export function caseStartOptions(input: ApplicationWorkflowInput) {
  return {
    workflowId: applicationWorkflowId(input.applicationId),
    taskQueue: ORCHESTRATOR_TASK_QUEUE,
    workflowIdConflictPolicy: "USE_EXISTING",
    // A case that already finished is not run again when its form is resubmitted.
    workflowIdReusePolicy: "REJECT_DUPLICATE",
    args: [input],
  } as const;
}
