import type { AccessEventInput, Tx } from "@visit-once/prisma/ledger";
import { type EvidenceRecord, catalogueEntry, findService, PURPOSES, type PurposeCode } from "@visit-once/workflows/contracts";

/**
 * The ledger entry for one record a department sent for a case: whose it is, which office held
 * it, for which service and purpose, under which law (from the catalogue) and on which consent.
 * The key is the fetch itself (case, record, when it was retrieved, its digest): a retried
 * activity carries the same record and appends nothing; a new fetch of the record is a new entry.
 */
export async function departmentFetchEntry(tx: Tx, applicationId: string, record: EvidenceRecord): Promise<AccessEventInput> {
  const app = await tx.application.findUnique({ where: { id: applicationId }, select: { serviceCode: true, citizenId: true, consent: true } });
  const p = record.provenance;
  const service = app ? findService(app.serviceCode) : undefined;
  const requirement = service?.evidence.find((e) => e.recordType === record.recordType);
  const purpose = requirement?.purpose.en ?? (app && app.serviceCode in PURPOSES ? PURPOSES[app.serviceCode as PurposeCode].en : null);
  const consentedAt = consentTime(app?.consent);
  return {
    actor: { id: null, role: "SYSTEM", office: null },
    subjectId: app?.citizenId ?? null,
    action: "department-fetch",
    department: p.departmentCode,
    recordTypes: [record.recordType],
    fields: Object.keys(record.data).sort(),
    purpose,
    legalBasis: catalogueEntry(record.recordType).legalBasis.en,
    serviceCode: app?.serviceCode ?? null,
    applicationId,
    consent: consentedAt ? `the applicant's consent of ${consentedAt} for this case` : "the applicant's consent for this case",
    requestId: `fetch:${applicationId}:${record.recordType}:${p.retrievedAt}`,
    idempotencyKey: `department-fetch:${applicationId}:${record.recordType}:${p.retrievedAt}:${p.rawSha256}`,
    outcome: "delivered",
  };
}

function consentTime(consent: unknown): string | undefined {
  const at = typeof consent === "object" && consent !== null ? (consent as { consentedAt?: unknown }).consentedAt : undefined;
  return typeof at === "string" ? at : undefined;
}
