import type { Db } from "@visit-once/prisma";
import { authorise } from "../access/authorise";
import type { Actor } from "../access/policy";
import { db as defaultDb } from "../db";
import { normaliseVerificationCode } from "@/lib/verification-code";

export interface OwnedDocument {
  applicationId: string;
  serviceCode: string;
  key: string;
  titleEn: string;
  issuedBy: string;
  verificationCode: string;
  issuedAt: Date;
  revokedAt: Date | null;
}

/** An issued document by its verification code, only for the citizen whose case issued it; null for anyone else. */
export async function findOwnedDocument(actor: Actor | null, code: string, db: Db = defaultDb()): Promise<OwnedDocument | null> {
  const verificationCode = normaliseVerificationCode(code);
  if (!verificationCode) return null;
  const doc = await db.issuedDocument.findUnique({
    where: { verificationCode },
    include: { application: { select: { citizenId: true, serviceCode: true, _count: { select: { exceptions: true } } } } },
  });
  if (!doc) return null;
  const decision = await authorise(
    actor,
    "download",
    { kind: "case", citizenId: doc.application.citizenId, hasExceptions: doc.application._count.exceptions > 0 },
    `case:${doc.applicationId}/document:${doc.key}`,
    db,
  );
  // Only the owner downloads (a caseworker reading the case is refused, and the refusal is audited).
  if (!decision.allowed) return null;
  return {
    applicationId: doc.applicationId,
    serviceCode: doc.application.serviceCode,
    key: doc.key,
    titleEn: doc.titleEn,
    issuedBy: doc.issuedBy,
    verificationCode: doc.verificationCode,
    issuedAt: doc.issuedAt,
    revokedAt: doc.revokedAt,
  };
}
