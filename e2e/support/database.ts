import { randomBytes } from "node:crypto";
import { createPrisma } from "@visit-once/prisma";

/**
 * A document as cases issued it before the 120-bit codes (48 bits, 12 hex digits), added
 * to a completed case: such documents are still out there and must keep verifying. No
 * case issues one any more, so the spec writes the row the old path wrote.
 */
export async function issueLegacyDocument(applicationId: string): Promise<string> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is unset: run the e2e tests through `npm test -- e2e`.");
  const hex = randomBytes(6).toString("hex").toUpperCase();
  const verificationCode = `VO-${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
  const db = createPrisma(url);
  try {
    await db.issuedDocument.create({
      data: { applicationId, key: "legacy-household-page", titleEn: "Household register page (earlier issue)", titleZh: "户口簿页（早前出具）", issuedBy: "public-security", verificationCode },
    });
  } finally {
    await db.$disconnect();
  }
  return verificationCode;
}
