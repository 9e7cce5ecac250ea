import { caseSubjectId } from "@visit-once/prisma";
import { CASE_ACCESS_SELECT, caseResourceOf } from "../applications/case-access";
import type { Db } from "@visit-once/prisma";
import { maskIdentityNumber } from "@visit-once/prisma/at-rest";
import { authorise } from "../access/authorise";
import type { Actor } from "../access/policy";
import { db as defaultDb } from "../db";
import { fieldCipher } from "@/env";
import { currentRequestId } from "../http/request-id";
import { recordAccess } from "../ledger/record-access";
import { refusedEntry, USE_PURPOSES, type UseContext, useEntries } from "../ledger/use-entries";
import { normaliseVerificationCode } from "@/lib/verification-code";

export interface OwnedDocument {
  applicationId: string;
  serviceCode: string;
  key: string;
  titleEn: string;
  titleZh: string;
  issuedBy: string;
  verificationCode: string;
  issuedAt: Date;
  revokedAt: Date | null;
  /**
   * The holder as the certificate names them, name and identity number masked: the person the
   * case is about (a representative's case names the person represented, not the applicant).
   */
  holderName: string;
  holderIdMasked: string | null;
}

/**
 * An issued document by its verification code, only for the citizen whose case issued it; null
 * for anyone else. Each download goes on the access ledger (the issue counts her own downloads
 * as uses of her data), and so does a signed-in person's refused attempt.
 */
export async function findOwnedDocument(
  actor: Actor | null,
  code: string,
  db: Db = defaultDb(),
): Promise<OwnedDocument | null> {
  const verificationCode = normaliseVerificationCode(code);
  if (!verificationCode) return null;
  const doc = await db.issuedDocument.findUnique({
    where: { verificationCode },
    include: {
      application: {
        select: {
          ...CASE_ACCESS_SELECT,
          subjectIndex: true,
          serviceCode: true,
          subjectName: true,
          subjectNationalId: true,
          citizen: { select: { name: true, nationalId: true } },
        },
      },
    },
  });
  if (!doc) return null;
  const decision = await authorise(
    actor,
    "download",
    caseResourceOf(doc.application),
    `case:${doc.applicationId}/document:${doc.key}`,
    db,
  );
  const requestId = await currentRequestId();
  const use = (who: Actor): UseContext => ({
    actor: who,
    action: "document-download",
    subjectId: caseSubjectId(doc.application),
    applicationId: doc.applicationId,
    serviceCode: doc.application.serviceCode,
    purpose: USE_PURPOSES.download,
    requestId,
    department: doc.issuedBy,
  });
  // Only the owner downloads (a caseworker reading the case is refused: the refusal is audited and on the ledger).
  if (!actor || !decision.allowed) {
    if (actor) await recordAccess([refusedEntry(use(actor))], db);
    return null;
  }
  // The certificate names the case, its title, its issuer and its holder (name, masked number): no record is in it.
  const { citizen, subjectName, subjectNationalId } = doc.application;
  const represented = subjectName !== null;
  const nationalId = represented ? subjectNationalId : citizen.nationalId;
  await recordAccess(
    useEntries(use(actor), { records: [], caseFields: [`document:${doc.key}`] }, `document:${doc.verificationCode}`),
    db,
  );
  return {
    applicationId: doc.applicationId,
    serviceCode: doc.application.serviceCode,
    key: doc.key,
    titleEn: doc.titleEn,
    titleZh: doc.titleZh,
    issuedBy: doc.issuedBy,
    verificationCode: doc.verificationCode,
    issuedAt: doc.issuedAt,
    revokedAt: doc.revokedAt,
    holderName: represented ? subjectName : citizen.name,
    holderIdMasked: nationalId ? maskIdentityNumber(fieldCipher().open(nationalId)) : null,
  };
}
