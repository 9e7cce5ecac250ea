import type { EvidenceRecord, RecordType } from "./records";

/** Activities of the orchestrator worker: they write the case projection the pages read. */
export interface OrchestratorActivities {
  beginApplication(input: { applicationId: string; steps: { key: string; departmentCode: string | null }[] }): Promise<void>;
  saveEvidence(input: { applicationId: string; stepKey: string; record: EvidenceRecord }): Promise<void>;
  /** Every record the service needs is saved: the moment the citizen can review them. */
  markRecordsReady(input: { applicationId: string }): Promise<void>;
  /** Marks a step failed, or (waiting) still in progress with the reason it is held up. */
  failStep(input: { applicationId: string; stepKey: string; reason: string; waiting?: boolean }): Promise<void>;
  finishApplication(input: { applicationId: string; status: "COMPLETED" | "FAILED"; reasons: string[] }): Promise<void>;
}

/** Activities of a department worker: each runs on its department's own task queue. */
export interface DepartmentActivities {
  fetchEvidence(input: { recordType: RecordType; subjectNationalId: string }): Promise<EvidenceRecord>;
}

/** Error types the connectors throw; the workflow tells them apart by type, not message. */
export const RECORD_NOT_FOUND = "RecordNotFound";
export const INVALID_DEPARTMENT_DATA = "InvalidDepartmentData";
