import type { Db } from "@visit-once/prisma";
import { normaliseVerificationCode } from "@/lib/verification-code";
import { db as defaultDb } from "../db";

/** What the public may learn from a verification code: the document, never the person. */
export interface VerifiedDocument {
  verificationCode: string;
  titleEn: string;
  titleZh: string;
  issuedBy: string;
  issuedAt: string;
  revokedAt: string | null;
}

export async function verifyDocument(code: string, db: Db = defaultDb()): Promise<VerifiedDocument | null> {
  const verificationCode = normaliseVerificationCode(code);
  if (!verificationCode) return null;
  const doc = await db.issuedDocument.findUnique({
    where: { verificationCode },
    select: { verificationCode: true, titleEn: true, titleZh: true, issuedBy: true, issuedAt: true, revokedAt: true },
  });
  if (!doc) return null;
  return { ...doc, issuedAt: doc.issuedAt.toISOString(), revokedAt: doc.revokedAt?.toISOString() ?? null };
}
