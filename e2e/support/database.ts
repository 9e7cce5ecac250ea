import { randomBytes, randomUUID } from "node:crypto";
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
      data: {
        applicationId,
        key: "legacy-household-page",
        titleEn: "Household register page (earlier issue)",
        titleZh: "户口簿页（早前出具）",
        issuedBy: "public-security",
        verificationCode,
      },
    });
  } finally {
    await db.$disconnect();
  }
  return verificationCode;
}

/**
 * Puts a history line on a case that no key this server holds can open (as after losing a data
 * key): the case page then fails on the server. Returns the undo.
 */
export async function breakCaseHistory(applicationId: string): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is unset: run the e2e tests through `npm test -- e2e`.");
  const db = createPrisma(url);
  const id = randomUUID();
  await db.caseEvent.create({
    data: { id, applicationId, kind: "unreadable", messageEn: "enc1:unreadable", messageZh: "enc1:unreadable" },
  });
  return async () => {
    try {
      await db.caseEvent.delete({ where: { id } });
    } finally {
      await db.$disconnect();
    }
  };
}
