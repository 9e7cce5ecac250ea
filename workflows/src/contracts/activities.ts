import type { CaseException, CaseStatus, TaskStatus } from "./case";
import type { CaseStep, FinalStatus } from "./application";
import type { EvidenceRecord, RecordType } from "./records";
import type { StepOffice } from "./services";

type Text = { en: string; zh: string };

/** A line in the case's history, as the citizen and staff read it. Ids come from the workflow, so a retry writes it once. */
export interface CaseEventInput {
  id: string;
  kind: string;
  actorId?: string;
  message: Text;
}

/** Activities of the orchestrator worker: they write the case projection the pages read. */
export interface OrchestratorActivities {
  beginApplication(input: { applicationId: string; steps: CaseStep[] }): Promise<void>;
  saveEvidence(input: { applicationId: string; stepKey: string; record: EvidenceRecord }): Promise<void>;
  /** Every record the service needs is saved: the moment the citizen can review them. */
  markRecordsReady(input: { applicationId: string }): Promise<void>;
  /** Marks a step failed, or (waiting) still in progress with the reason it is held up, or (done) finished with a note. */
  failStep(input: { applicationId: string; stepKey: string; reason: string; waiting?: boolean; done?: boolean }): Promise<void>;
  finishApplication(input: { applicationId: string; status: FinalStatus; reasons: string[]; reasonsZh?: string[]; event?: CaseEventInput }): Promise<void>;

  /** The case's status and whom it waits for; never moves a case out of a final status. */
  setCaseStatus(input: { applicationId: string; status: CaseStatus; event?: CaseEventInput }): Promise<void>;
  /** A department step's task: created, awaiting, decided, revoked. */
  recordTask(input: {
    applicationId: string;
    stepKey: string;
    office: StepOffice;
    status: TaskStatus;
    dueAt?: string;
    decidedById?: string;
    reason?: string;
    reminded?: boolean;
    escalated?: boolean;
    event?: CaseEventInput;
  }): Promise<void>;
  recordException(input: { applicationId: string; exception: CaseException; dueAt: string; resolvedById?: string; resolution?: unknown; event?: CaseEventInput }): Promise<void>;
  recordInformationRequest(input: {
    applicationId: string;
    id: string;
    question: string;
    askedById: string;
    dueAt: string;
    status: "OPEN" | "ANSWERED" | "EXPIRED";
    exceptionId?: string;
    stepKey?: string;
    reply?: string;
    event?: CaseEventInput;
  }): Promise<void>;
  /**
   * Issues an outcome document with a verification code the activity mints from the
   * CSPRNG. The code never enters the workflow or its history; a retry keeps the first
   * code (the row is keyed by application and document key).
   */
  mintAndIssueDocument(input: { applicationId: string; key: string; title: Text; issuedBy: StepOffice; event: CaseEventInput }): Promise<void>;
  /** Before `csprng-verification-codes` the workflow chose the code; kept so those cases replay and finish. */
  issueDocument(input: { applicationId: string; key: string; title: Text; issuedBy: StepOffice; verificationCode: string; event: CaseEventInput }): Promise<void>;
  revokeDocument(input: { applicationId: string; key: string; event: CaseEventInput }): Promise<void>;
}

/** Activities of a department worker: each runs on its department's own task queue. */
export interface DepartmentActivities {
  fetchEvidence(input: { recordType: RecordType; subjectNationalId: string }): Promise<EvidenceRecord>;
}

/** Error types the connectors throw; the workflow tells them apart by type, not message. */
export const RECORD_NOT_FOUND = "RecordNotFound";
export const INVALID_DEPARTMENT_DATA = "InvalidDepartmentData";
/** A projection write holding data PostgreSQL can never store (NUL, an unpaired surrogate): never retried. */
export const UNSTORABLE_DATA = "UnstorableData";
