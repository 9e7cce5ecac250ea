import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { renderDocumentPdf } from "./render-document-pdf";

describe("renderDocumentPdf", () => {
  it("renders a one-page PDF carrying the title and the verification code, skipping text the fonts cannot draw", async () => {
    const bytes = await renderDocumentPdf({
      titleEn: "Household register page 户口簿",
      serviceTitleEn: "Register a newborn",
      issuedByEn: "Public Security Bureau",
      issuedAt: new Date("2026-11-27T08:00:00Z"),
      verificationCode: "VO-7KQ2-M9XH-4TB3-N8RW-C5DZ-A1E6",
      applicationId: "4f1c7a52-8d0e-4c55-9a57-0c1e8b9d2f10",
      revoked: false,
      verifyUrl: "http://127.0.0.1:3000/verify",
    });
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe("%PDF-");
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe("Household register page");
    expect(pdf.getSubject()).toBe("Verification code VO-7KQ2-M9XH-4TB3-N8RW-C5DZ-A1E6");
  });
});
