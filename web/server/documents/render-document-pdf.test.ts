import { createHash } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { type DocumentPdfInput, renderDocumentPdf, wrapText } from "./render-document-pdf";

const input: DocumentPdfInput = {
  languages: "zh",
  title: { en: "Household register page", zh: "户口簿登记页" },
  service: { en: "Register a newborn", zh: "新生儿出生登记" },
  issuedBy: { en: "Public Security Bureau", zh: "公安局" },
  holderName: "陈华",
  holderIdMasked: "1101**********1234",
  issuedAt: new Date("2026-11-30T17:30:00Z"), // 1 December in Beijing
  verificationCode: "VO-7KQ2-M9XH-4TB3-N8RW-C5DZ-A1E6",
  applicationId: "4f1c7a52-8d0e-4c55-9a57-0c1e8b9d2f10",
  revoked: false,
  verifyUrl: "https://yicibao.example.gov.cn/verify/VO-7KQ2-M9XH-4TB3-N8RW-C5DZ-A1E6",
};

/** The text a PDF reader extracts (pdf.js, as a person's reader or a search engine would). */
async function extractText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const page = await doc.getPage(1);
  const content = await page.getTextContent();
  await doc.destroy();
  return content.items.map((item) => ("str" in item ? item.str : "")).join("");
}

describe("renderDocumentPdf", () => {
  it("writes the certificate in Chinese: holder, masked identity number, decision, office and the Beijing date", async () => {
    const text = await extractText(await renderDocumentPdf(input));
    expect(text).toContain("户口簿登记页");
    expect(text).toMatch(/持证人\s*陈华/);
    expect(text).toContain("1101**********1234");
    expect(text).toContain("经审核，准予办理新生儿出生登记");
    expect(text).toMatch(/发证机关\s*公安局/);
    expect(text).toContain("2026年12月1日");
    expect(text).toContain(input.verifyUrl);
    expect(text).not.toMatch(/Holder|Approved/);
  }, 30_000);

  it("adds English beneath the Chinese for a citizen who reads English", async () => {
    const text = await extractText(await renderDocumentPdf({ ...input, languages: "zh+en" }));
    expect(text).toContain("持证人");
    expect(text).toContain("Holder");
    expect(text).toContain("Approved: Register a newborn.");
    expect(text).toContain("1 December 2026");
  }, 30_000);

  it("says a revoked certificate is no longer valid", async () => {
    expect(await extractText(await renderDocumentPdf({ ...input, revoked: true }))).toContain(
      "本证照已撤销，不再有效。",
    );
  }, 30_000);

  it("embeds a subset of the CJK font, and gives the same bytes for the same certificate", async () => {
    const [first, second] = [await renderDocumentPdf(input), await renderDocumentPdf(input)];
    const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
    expect(sha(first)).toBe(sha(second));
    // The whole font is 10 MB: a subset keeps the file small.
    expect(first.byteLength).toBeLessThan(300_000);
    expect(Buffer.from(first).toString("latin1")).toContain("/FontFile2");
    const pdf = await PDFDocument.load(first);
    expect(pdf.getKeywords()).toBe(input.verificationCode);
    expect(pdf.getCreationDate()?.toISOString()).toBe("2026-11-30T17:30:00.000Z");
    expect(sha(await renderDocumentPdf({ ...input, holderName: "陈化" }))).not.toBe(sha(first));
  }, 30_000);
});

describe("wrapText", () => {
  // A stand-in font: every character 10 units wide at size 1.
  const font = { widthOfTextAtSize: (text: string, size: number) => text.length * 10 * size } as unknown as Parameters<
    typeof wrapText
  >[1];

  it("breaks Chinese between characters and English at spaces, never past the width", () => {
    expect(wrapText("经审核准予办理新生儿出生登记", font, 1, 50)).toEqual(["经审核准予", "办理新生儿", "出生登记"]);
    expect(wrapText("Approved: Register a newborn.", font, 1, 100)).toEqual(["Approved:", "Register a", "newborn."]);
    expect(wrapText("", font, 1, 100)).toEqual([]);
  });
});
