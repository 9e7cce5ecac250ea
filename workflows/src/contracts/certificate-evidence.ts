import type { RecordType } from "./records";

// A later application may take a record from an e-certificate an earlier application issued,
// instead of asking the department again: the certificate stands for the record it was issued
// on. Kept narrow on purpose: each pair is a natural one in the catalogue.

export interface CertificateEvidence {
  /** The service whose application may reuse the certificate. */
  serviceCode: string;
  recordType: RecordType;
  /** The earlier service, and which of its outcome documents stands for the record. */
  fromService: string;
  documentKey: string;
}

export const CERTIFICATE_EVIDENCE: readonly CertificateEvidence[] = [
  // The household register page a newborn's registration issued shows the family's household
  // registration, which school enrolment checks against the school district.
  {
    serviceCode: "school-enrolment",
    recordType: "household",
    fromService: "newborn-registration",
    documentKey: "household-page",
  },
];

export function certificateEvidenceFor(serviceCode: string, recordType: RecordType): CertificateEvidence | undefined {
  return CERTIFICATE_EVIDENCE.find((c) => c.serviceCode === serviceCode && c.recordType === recordType);
}

/** Since this patch, a case first looks for a reusable certificate before fetching a record it may take from one. */
export const CERTIFICATE_REUSE_PATCH = "reuse-issued-certificate";
