import type { Db } from "@visit-once/prisma";
import { type FieldCipher, openSensitive } from "@visit-once/prisma/at-rest";
import { certificateEvidenceFor, type OrchestratorActivities } from "@visit-once/workflows/contracts";

/**
 * Finds the record a case may take from the citizen's own e-certificate: the newest valid
 * (not revoked) certificate of the kind CERTIFICATE_EVIDENCE names, from a completed case of
 * hers, with the record that case held when the certificate was issued. A read only: safe to retry.
 */
export function createCertificateEvidence(
  db: Db,
  cipher: FieldCipher,
): Pick<OrchestratorActivities, "findCertificateEvidence"> {
  return {
    async findCertificateEvidence({ applicationId, recordType }) {
      const app = await db.application.findUnique({
        where: { id: applicationId },
        select: { citizenId: true, serviceCode: true },
      });
      const rule = app && certificateEvidenceFor(app.serviceCode, recordType);
      if (!app || !rule) return null;
      const doc = await db.issuedDocument.findFirst({
        where: {
          key: rule.documentKey,
          revokedAt: null,
          application: {
            id: { not: applicationId },
            citizenId: app.citizenId,
            serviceCode: rule.fromService,
            status: "COMPLETED",
            records: { some: { recordType } },
          },
        },
        orderBy: { issuedAt: "desc" },
        select: {
          verificationCode: true,
          issuedAt: true,
          issuedBy: true,
          application: {
            select: {
              records: {
                where: { recordType },
                select: { departmentCode: true, sourceRecordId: true, retrievedAt: true, rawSha256: true, data: true },
              },
            },
          },
        },
      });
      const record = doc?.application.records[0];
      if (!doc || !record) return null;
      return {
        recordType,
        data: openSensitive(record.data as Record<string, unknown>, cipher),
        provenance: {
          departmentCode: record.departmentCode,
          sourceRecordId: cipher.open(record.sourceRecordId),
          retrievedAt: record.retrievedAt.toISOString(),
          rawSha256: record.rawSha256,
          certificate: {
            verificationCode: doc.verificationCode,
            issuedAt: doc.issuedAt.toISOString(),
            issuedBy: doc.issuedBy,
          },
        },
      };
    },
  };
}
