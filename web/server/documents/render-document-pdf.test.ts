import { decodePDFRawStream, type PDFArray, PDFDocument, PDFRawStream, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { renderDocumentPdf } from "./render-document-pdf";

const input = {
  titleEn: "Household register page",
  serviceTitleEn: "Register a newborn",
  issuedByEn: "Public Security Bureau",
  issuedAt: new Date("2026-11-27T08:00:00Z"),
  applicationId: "4f1c7a52-8d0e-4c55-9a57-0c1e8b9d2f10",
  revoked: false,
  verifyUrl: "http://127.0.0.1:3000/verify",
};

/** The size the page draws the code at, read from its content stream. */
async function codeFontSize(bytes: Uint8Array, code: string): Promise<number> {
  const pdf = await PDFDocument.load(bytes);
  const parts = pdf.getPage(0).node.Contents() as PDFArray;
  const streams = Array.from({ length: parts.size() }, (_, i) => pdf.context.lookup(parts.get(i)));
  const text = streams.map((s) => (s instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(s).decode()).toString("latin1") : "")).join("\n");
  const hex = Buffer.from(code, "latin1").toString("hex").toUpperCase();
  const match = new RegExp(`([\\d.]+) Tf[^<]*<${hex}> Tj`).exec(text);
  if (!match) throw new Error("The code is not drawn on the page.");
  return Number(match[1]);
}

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

  it("draws a code on one line within the margins, the widest one smaller", async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.HelveticaBold);
    const typical = "VO-7KQ2-M9XH-4TB3-N8RW-C5DZ-A1E6";
    expect(await codeFontSize(await renderDocumentPdf({ ...input, verificationCode: typical }), typical)).toBe(20);
    const widest = "VO-WWWW-WWWW-WWWW-WWWW-WWWW-WWWW";
    const size = await codeFontSize(await renderDocumentPdf({ ...input, verificationCode: widest }), widest);
    expect(size).toBeLessThan(20);
    expect(font.widthOfTextAtSize(widest, size)).toBeLessThanOrEqual(475.01);
  });
});
