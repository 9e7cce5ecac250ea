import type { CaseException, TaskStatus } from "./case";
import type { CaseStatus } from "./case-status";
import type { CaseEventWords, StepDetail } from "./case-words";
import type { CaseStep } from "./application";
import type { FinalStatus } from "./case-status";
import type { EvidenceRecord, RecordType } from "./records";
import type { NotifyInput } from "./notifications";
import type { RefusalExplanation } from "./refusal-explanation";
import type { ReviewDesk, ReviewStatus } from "./review";
import type { StepOffice } from "./services";
import type { WorkingCalendar } from "./working-calendar";
import type { Correction, CorrectRecordInput } from "./correction";
import type { BirthCertificate } from "./representation";

type Text = { en: string; zh: string };

/** A line in the case's history, as the citizen and staff read it. Ids come from the workflow, so a retry writes it once. */
export interface CaseEventInput {
  id: string;
  kind: string;
  actorId?: string;
  message: Text;
  /** The line as a kind with parameters, said by the pages in the reader's language (absent before words-as-data). */
  words?: CaseEventWords;
}

/** Activities of the orchestrator worker: they write the case projection the pages read. */
export interface OrchestratorActivities {
  beginApplication(input: { applicationId: string; steps: CaseStep[] }): Promise<void>;
  saveEvidence(input: { applicationId: string; stepKey: string; record: EvidenceRecord }): Promise<void>;
  /** The record as the citizen's valid e-certificate of an earlier case carries it (see CERTIFICATE_EVIDENCE), or null to fetch it. */
  findCertificateEvidence(input: { applicationId: string; recordType: RecordType }): Promise<EvidenceRecord | null>;
  /** Every record the service needs is saved: the moment the citizen can review them. */
  markRecordsReady(input: { applicationId: string }): Promise<void>;
  /** Marks a step failed, or (waiting) still in progress with the reason it is held up, or (done) finished with a note. */
  failStep(input: {
    applicationId: string;
    stepKey: string;
    reason: string;
    words?: StepDetail;
    waiting?: boolean;
    done?: boolean;
  }): Promise<void>;
  /**
   * The citizen withdrew her consent for a record at the preview: its values leave the case (the
   * evidence row is deleted, so no step view can show it), its fetch step says so, and the
   * application's consent no longer lists it. Repeating it changes nothing.
   */
  withdrawEvidence(input: {
    applicationId: string;
    recordType: RecordType;
    stepKey: string;
    event: CaseEventInput;
  }): Promise<void>;
  finishApplication(input: {
    applicationId: string;
    status: FinalStatus;
    reasons: string[];
    reasonsZh?: string[];
    event?: CaseEventInput;
  }): Promise<void>;

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
  recordException(input: {
    applicationId: string;
    exception: CaseException;
    dueAt: string;
    resolvedById?: string;
    resolution?: unknown;
    event?: CaseEventInput;
  }): Promise<void>;
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
  mintAndIssueDocument(input: {
    applicationId: string;
    key: string;
    title: Text;
    issuedBy: StepOffice;
    event: CaseEventInput;
  }): Promise<void>;
  /**
   * Moves the case to ISSUING and issues all its outcome documents, each with a code minted
   * from the CSPRNG, in one transaction: one activity where there was one for the status and
   * one per document (`issue-documents-at-once`). A retry keeps each document's first code.
   */
  issueDocuments(input: {
    applicationId: string;
    documents: { key: string; title: Text; issuedBy: StepOffice; event: CaseEventInput }[];
  }): Promise<void>;
  /** Before `csprng-verification-codes` the workflow chose the code; kept so those cases replay and finish. */
  issueDocument(input: {
    applicationId: string;
    key: string;
    title: Text;
    issuedBy: StepOffice;
    verificationCode: string;
    event: CaseEventInput;
  }): Promise<void>;
  revokeDocument(input: { applicationId: string; key: string; event: CaseEventInput }): Promise<void>;
  /** A refusal offered for review (复核), and how it stands: one row per review id; a decided review is never reopened. */
  recordReview(input: {
    applicationId: string;
    id: string;
    status: ReviewStatus;
    desk: ReviewDesk;
    stepKey?: string;
    exceptionId?: string;
    refusedById?: string;
    refusal: RefusalExplanation;
    dueAt: string;
    grounds?: string;
    reviewerId?: string;
    reasons?: string;
    event?: CaseEventInput;
  }): Promise<void>;
  /**
   * Tells people about an event: the in-app inbox, and email where the reader wants it. One
   * message per event, recipient and channel (a unique key); a retry sends only what is still pending.
   */
  notify(input: NotifyInput): Promise<void>;
  /** The holidays and working weekends between two days, from the calendar table (read only). */
  loadWorkingCalendar(input: { from: string; to: string }): Promise<WorkingCalendar>;
  /** A correction task at a department: opened, corrected, refused or overdue (keyed by its id). */
  recordCorrection(input: { applicationId: string; correction: Correction; event?: CaseEventInput }): Promise<void>;
}

/** Activities of a department worker: each runs on its department's own task queue. */
export interface DepartmentActivities {
  fetchEvidence(input: { recordType: RecordType; subjectNationalId: string }): Promise<EvidenceRecord>;
  /** Corrects the record in the department's own system (its correction endpoint); idempotent by correction id. */
  correctRecord(input: CorrectRecordInput): Promise<void>;
  /**
   * Every medical birth certificate naming the person as a parent (Health only): what proves a
   * parent's relation to her minor children, beside the household register.
   */
  listBirthCertificates(input: { parentNationalId: string }): Promise<BirthCertificate[]>;
}

/** Error types the connectors throw; the workflow tells them apart by type, not message. */
export const RECORD_NOT_FOUND = "RecordNotFound";
export const INVALID_DEPARTMENT_DATA = "InvalidDepartmentData";
/**
 * The department itself failed a request: it answered 5xx or 429, timed out, refused the
 * connection or our credentials. Retryable; its details[0] is a DepartmentFailure, so the
 * workflow's retry budget counts only the department's own failure time, never time during
 * which none of our workers ran the fetch (our own outage).
 */
export const DEPARTMENT_FAILED = "DepartmentFailed";
export interface DepartmentFailure {
  /** How long the failed request took, in ms (a timeout counts its whole wait). */
  failedMs: number;
}
/** A projection write holding data PostgreSQL can never store (NUL, an unpaired surrogate): never retried. */
export const UNSTORABLE_DATA = "UnstorableData";
