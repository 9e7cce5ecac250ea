import { caseSubjectId } from "@visit-once/prisma";
import type { AccessEventInput, Tx } from "@visit-once/prisma/ledger";
import {
  type EvidenceRecord,
  catalogueEntry,
  findService,
  PURPOSES,
  type PurposeCode,
} from "@visit-once/workflows/contracts";

/**
 * The ledger entry for one record a department sent for a case: whose it is, which office held
 * it, for which service and purpose, under which law (from the catalogue) and on which consent.
 * The key is the fetch itself (case, record, when it was retrieved, its digest): a retried
 * activity carries the same record and appends nothing; a new fetch of the record is a new entry.
 */
export async function departmentFetchEntry(
  tx: Tx,
  applicationId: string,
  record: EvidenceRecord,
): Promise<AccessEventInput> {
  const app = await tx.application.findUnique({
    where: { id: applicationId },
    select: {
      serviceCode: true,
      citizenId: true,
      consent: true,
      subjectUserId: true,
      subjectIndex: true,
      actingBasis: true,
      mandateId: true,
    },
  });
  const p = record.provenance;
  const service = app ? findService(app.serviceCode) : undefined;
  const requirement = service?.evidence.find((e) => e.recordType === record.recordType);
  const purpose =
    requirement?.purpose.en ??
    (app && app.serviceCode in PURPOSES ? PURPOSES[app.serviceCode as PurposeCode].en : null);
  const consentedAt = consentTime(app?.consent);
  const certificate = p.certificate;
  const common = {
    actor: { id: null, role: "SYSTEM" as const, office: null },
    // Acting for someone else: the records are the represented person's, and so is the entry.
    subjectId: app ? caseSubjectId(app) : null,
    recordTypes: [record.recordType],
    fields: Object.keys(record.data).sort(),
    purpose,
    legalBasis: catalogueEntry(record.recordType).legalBasis.en,
    serviceCode: app?.serviceCode ?? null,
    applicationId,
    consent: consentText(app, consentedAt),
    outcome: "delivered",
  };
  // Taken from her own e-certificate: no department was asked; the issuing office's certificate was used.
  if (certificate) {
    return {
      ...common,
      action: "certificate-reuse",
      department: certificate.issuedBy,
      requestId: `certificate:${applicationId}:${record.recordType}:${certificate.issuedAt}`,
      idempotencyKey: `certificate-reuse:${applicationId}:${record.recordType}:${certificate.issuedAt}`,
    };
  }
  return {
    ...common,
    action: "department-fetch",
    department: p.departmentCode,
    requestId: `fetch:${applicationId}:${record.recordType}:${p.retrievedAt}`,
    idempotencyKey: `department-fetch:${applicationId}:${record.recordType}:${p.retrievedAt}:${p.rawSha256}`,
  };
}

/** Whose consent: the applicant's own, or hers given for the person she acts for ("X for Y", and on what basis). */
function consentText(
  app: { citizenId: string; actingBasis: string | null; mandateId: string | null } | null,
  consentedAt: string | undefined,
): string {
  const when = consentedAt ? ` of ${consentedAt}` : "";
  if (!app?.actingBasis) return `the applicant's consent${when} for this case`;
  const basis = app.actingBasis === "mandate" ? `under mandate ${app.mandateId ?? "-"}` : "as the parent of a minor";
  return `the consent${when} of user:${app.citizenId}, acting for the subject ${basis}, for this case`;
}

function consentTime(consent: unknown): string | undefined {
  const at =
    typeof consent === "object" && consent !== null ? (consent as { consentedAt?: unknown }).consentedAt : undefined;
  return typeof at === "string" ? at : undefined;
}
