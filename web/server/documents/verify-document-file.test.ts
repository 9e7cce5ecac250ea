import { randomBytes, randomUUID } from "node:crypto";
import { formatVerificationCode } from "@visit-once/workflows/contracts";
import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "../testing/database";
import { registerDocumentFile } from "./register-document-file";
import { type DocumentPdfInput, renderDocumentPdf } from "./render-document-pdf";
import { MAX_CERTIFICATE_BYTES, verifyDocumentFile } from "./verify-document-file";

const db = testDb();
afterAll(() => db.$disconnect());

/** A completed case with one issued certificate, as the worker leaves it. */
async function issued(): Promise<DocumentPdfInput> {
  const citizen = await db.user.create({
    data: { email: `${randomUUID()}@test.local`, name: "陈华", passwordHash: "x", role: "CITIZEN" },
  });
  const applicationId = randomUUID();
  await db.application.create({
    data: {
      id: applicationId,
      serviceCode: "newborn-registration",
      citizenId: citizen.id,
      status: "COMPLETED",
      consent: {},
    },
  });
  const verificationCode = formatVerificationCode(randomBytes(15));
  const doc = await db.issuedDocument.create({
    data: {
      applicationId,
      key: "household-page",
      titleEn: "Household register page",
      titleZh: "户口簿登记页",
      issuedBy: "public-security",
      verificationCode,
    },
  });
  return {
    languages: "zh",
    title: { en: doc.titleEn, zh: doc.titleZh },
    service: { en: "Register a newborn", zh: "新生儿出生登记" },
    issuedBy: { en: "Public Security Bureau", zh: "公安局" },
    holderName: "陈华",
    holderIdMasked: "1101**********1234",
    issuedAt: doc.issuedAt,
    verificationCode,
    applicationId,
    revoked: false,
    verifyUrl: `https://yicibao.example.gov.cn/verify/${verificationCode}`,
  };
}

describe("verifyDocumentFile on PostgreSQL", () => {
  it("accepts a file exactly as handed out, and refuses one altered or forged around the same valid code", async () => {
    const input = await issued();
    const file = await renderDocumentPdf(input);
    expect((await verifyDocumentFile(file, db)).verdict).toBe("altered"); // not yet handed out
    await registerDocumentFile(input.verificationCode, "zh", file, db);
    const genuine = await verifyDocumentFile(file, db);
    expect(genuine).toMatchObject({
      verdict: "genuine",
      document: { verificationCode: input.verificationCode, issuedBy: "public-security" },
    });

    // A forger makes a certificate in someone else's name with the same layout and the valid code.
    const forged = await renderDocumentPdf({ ...input, holderName: "李四" });
    expect(await verifyDocumentFile(forged, db)).toMatchObject({
      verdict: "altered",
      document: { verificationCode: input.verificationCode },
    });
    // One byte changed in the genuine file (its title's last digit in the document information).
    const edited = file.slice();
    const at = Buffer.from(edited).lastIndexOf("%%EOF") - 2;
    edited[at] = edited[at] === 0x20 ? 0x0a : 0x20;
    expect((await verifyDocumentFile(edited, db)).verdict).toBe("altered");
    // Damaged past what a PDF reader parses (its cross-reference table gone), it still names its code.
    const damaged = Buffer.from(file);
    damaged.fill(0x20, damaged.indexOf("xref"), damaged.length);
    expect((await verifyDocumentFile(damaged, db)).verdict).toBe("altered");
  }, 30_000);

  it("says revoked for a genuine file whose certificate was revoked since", async () => {
    const input = await issued();
    const file = await renderDocumentPdf(input);
    await registerDocumentFile(input.verificationCode, "zh", file, db);
    await db.issuedDocument.updateMany({
      where: { verificationCode: input.verificationCode },
      data: { revokedAt: new Date() },
    });
    expect((await verifyDocumentFile(file, db)).verdict).toBe("revoked");
  }, 30_000);

  it("says unknown for a PDF naming no certificate, and refuses what is not a readable PDF", async () => {
    const input = await issued();
    const stranger = await renderDocumentPdf({ ...input, verificationCode: formatVerificationCode(randomBytes(15)) });
    expect(await verifyDocumentFile(stranger, db)).toEqual({ verdict: "unknown" });
    expect(await verifyDocumentFile(new Uint8Array(), db)).toEqual({ verdict: "invalid", problem: "empty" });
    expect(await verifyDocumentFile(new TextEncoder().encode("GIF89a not a pdf"), db)).toEqual({
      verdict: "invalid",
      problem: "not-pdf",
    });
    const huge = new Uint8Array(MAX_CERTIFICATE_BYTES + 1);
    huge.set(new TextEncoder().encode("%PDF-1.7"));
    expect(await verifyDocumentFile(huge, db)).toEqual({ verdict: "invalid", problem: "too-large" });
  }, 30_000);
});
