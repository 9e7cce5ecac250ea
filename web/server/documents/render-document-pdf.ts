import { PDFDocument, rgb, StandardFonts } from "pdf-lib";

// The outcome document as a PDF, drawn with the standard PDF fonts. Those cannot draw
// Chinese and no CJK font is shipped with the app, so the PDF carries the English text
// only (no names: the verification code ties it to the case).

export interface DocumentPdfInput {
  titleEn: string;
  serviceTitleEn: string;
  issuedByEn: string;
  issuedAt: Date;
  verificationCode: string;
  applicationId: string;
  revoked: boolean;
  /** Where anyone can check the code, e.g. https://…/verify. */
  verifyUrl: string;
}

/** Keeps only what the standard fonts can draw. */
function latin(text: string): string {
  return text.replace(/[^\x20-\x7E]/g, "").trim();
}

export async function renderDocumentPdf(input: DocumentPdfInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(latin(input.titleEn));
  pdf.setSubject(`Verification code ${input.verificationCode}`);
  pdf.setProducer("Visit Once");
  pdf.setCreationDate(input.issuedAt);
  const page = pdf.addPage([595.28, 841.89]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.1, 0.12, 0.16);
  let y = 770;
  const width = 475;
  const line = (text: string, size = 12, font = regular) => {
    page.drawText(latin(text), { x: 60, y, size, font, color: ink, maxWidth: width });
    y -= size * 1.8;
  };

  line("Visit Once - one-stop government services", 10);
  y -= 10;
  line(input.titleEn, 22, bold);
  line(input.serviceTitleEn, 13);
  y -= 10;
  line(`Issued by: ${input.issuedByEn}`);
  line(`Issued on: ${input.issuedAt.toISOString().slice(0, 10)}`);
  line(`Application reference: ${input.applicationId}`);
  if (input.revoked) line("This document has been revoked and is no longer valid.", 13, bold);
  y -= 20;
  line("Verification code", 11);
  // A code has no spaces to wrap at: the widest (all Ws) is drawn smaller so it stays on one line.
  line(input.verificationCode, Math.min(20, width / bold.widthOfTextAtSize(input.verificationCode, 1)), bold);
  line(`Check this document at ${input.verifyUrl} with the code above.`, 10);
  // Plain (not object-stream) objects keep the document information readable by simple tools.
  return pdf.save({ useObjectStreams: false });
}
