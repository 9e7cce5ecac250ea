import { pdfFontkit } from "./pdf-fontkit";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import { formatDay } from "@/lib/dates";
import { certificateFont } from "./certificate-font";
import { drawQrCode } from "./draw-qr";
import { drawSeal } from "./draw-seal";

// The e-certificate (电子证照) as a PDF: Chinese always, English beneath each line when the
// citizen reads English. Noto Sans SC is embedded as a subset of the characters drawn. The file
// is byte-stable for the same input (fixed dates, pdf-lib's seeded names, a fixed font name), and
// the web registers the SHA-256 of every file it hands out so /verify can refuse altered copies.

type Words = { en: string; zh: string };

export type CertificateLanguages = "zh" | "zh+en";

export interface DocumentPdfInput {
  languages: CertificateLanguages;
  title: Words;
  service: Words;
  issuedBy: Words;
  holderName: string;
  /** Masked, e.g. 1101**********1234; null for an account with no identity number. */
  holderIdMasked: string | null;
  issuedAt: Date;
  verificationCode: string;
  applicationId: string;
  revoked: boolean;
  /** Where anyone can check this certificate (the public base URL's /verify/<code>). */
  verifyUrl: string;
}

const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.35, 0.38, 0.43);
const ALERT = rgb(0.7, 0.05, 0.05);
const LEFT = 60;
const WIDTH = 475;

/** Breaks text into lines no wider than `width`: between Chinese characters, or at spaces between words. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const tokens = text.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+|\s+/g) ?? [];
  const lines: string[] = [];
  let current = "";
  for (const token of tokens) {
    const next = current + token;
    if (current !== "" && font.widthOfTextAtSize(next.trimEnd(), size) > width) {
      lines.push(current.trimEnd());
      current = /^\s+$/.test(token) ? "" : token;
    } else {
      current = next;
    }
  }
  if (current.trim() !== "") lines.push(current.trimEnd());
  return lines;
}

class Writer {
  y = 780;
  constructor(
    private readonly page: PDFPage,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {}

  line(text: string, { size = 12, font = this.regular, color = INK, x = LEFT, width = WIDTH, gap = 1.6 } = {}): void {
    for (const part of wrapText(text, font, size, width)) {
      this.page.drawText(part, { x, y: this.y, size, font, color });
      this.y -= size * gap;
    }
  }

  /** A labelled row: the label on the left, the value (and its English) on the right. */
  row(label: Words, value: Words, english: boolean, valueFont = this.regular): void {
    const top = this.y;
    this.line(label.zh, { size: 11, color: MUTED, width: 120 });
    if (english) this.line(label.en, { size: 8, color: MUTED, width: 120 });
    const labelBottom = this.y;
    this.y = top;
    this.line(value.zh, { size: 12, font: valueFont, x: LEFT + 130, width: WIDTH - 130 });
    if (english && value.en !== value.zh)
      this.line(value.en, { size: 9, color: MUTED, x: LEFT + 130, width: WIDTH - 130 });
    this.y = Math.min(this.y, labelBottom) - 6;
  }
}

export async function renderDocumentPdf(input: DocumentPdfInput): Promise<Uint8Array> {
  const english = input.languages === "zh+en";
  // No automatic dates or producer: the same input gives the same bytes.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(pdfFontkit);
  const [regularBytes, boldBytes] = await Promise.all([certificateFont("regular"), certificateFont("bold")]);
  const regular = await pdf.embedFont(regularBytes, { subset: true, customName: "NotoSansSC-Regular" });
  const bold = await pdf.embedFont(boldBytes, { subset: true, customName: "NotoSansSC-Bold" });
  pdf.setTitle(english ? `${input.title.zh} ${input.title.en}` : input.title.zh);
  pdf.setSubject(`证照编号 ${input.verificationCode}`);
  pdf.setKeywords([input.verificationCode]);
  pdf.setProducer("一次办 Visit Once");
  pdf.setCreator("一次办 Visit Once");
  pdf.setLanguage("zh-CN");
  pdf.setCreationDate(input.issuedAt);
  pdf.setModificationDate(input.issuedAt);

  const page = pdf.addPage([595.28, 841.89]);
  const w = new Writer(page, regular, bold);
  w.line(english ? "一次办 · 电子证照　Visit Once · e-certificate" : "一次办 · 电子证照", { size: 10, color: MUTED });
  w.y -= 14;
  w.line(input.title.zh, { size: 24, font: bold, gap: 1.4 });
  if (english) w.line(input.title.en, { size: 13, color: MUTED });
  w.y -= 4;
  page.drawLine({ start: { x: LEFT, y: w.y + 8 }, end: { x: LEFT + WIDTH, y: w.y + 8 }, thickness: 0.8, color: MUTED });
  w.y -= 18;

  w.row({ zh: "持证人", en: "Holder" }, { zh: input.holderName, en: input.holderName }, english, bold);
  if (input.holderIdMasked)
    w.row(
      { zh: "公民身份号码", en: "Identity number" },
      { zh: input.holderIdMasked, en: input.holderIdMasked },
      english,
    );
  w.row({ zh: "办理事项", en: "Service" }, input.service, english);
  w.row(
    { zh: "办理结果", en: "Decision" },
    {
      zh: `经审核，准予办理${input.service.zh}，核发${input.title.zh}。`,
      en: `Approved: ${input.service.en}. ${input.title.en} issued.`,
    },
    english,
    bold,
  );
  const officeY = w.y;
  w.row({ zh: "发证机关", en: "Issued by" }, input.issuedBy, english);
  w.row(
    { zh: "发证日期", en: "Date of issue" },
    { zh: formatDay(input.issuedAt, "zh-CN"), en: formatDay(input.issuedAt, "en") },
    english,
  );
  w.row(
    { zh: "证照编号", en: "Certificate No." },
    { zh: input.verificationCode, en: input.verificationCode },
    english,
    bold,
  );
  w.row({ zh: "申请编号", en: "Application reference" }, { zh: input.applicationId, en: input.applicationId }, english);
  drawSeal(page, bold, { x: LEFT + WIDTH - 70, y: officeY - 45 }, input.issuedBy.zh, "电子证照专用章");

  if (input.revoked) {
    w.y -= 6;
    w.line("本证照已撤销，不再有效。", { size: 14, font: bold, color: ALERT });
    if (english) w.line("This certificate has been revoked and is no longer valid.", { size: 11, color: ALERT });
  }

  const qrSide = 96;
  const qrTop = Math.min(w.y - 10, 250);
  drawQrCode(page, input.verifyUrl, { x: LEFT, y: qrTop - qrSide, side: qrSide });
  w.y = qrTop - 12;
  const note = { x: LEFT + qrSide + 16, width: WIDTH - qrSide - 16 };
  w.line("扫描二维码或访问以下地址，核验本证照的真伪：", { size: 10, ...note });
  if (english)
    w.line("Scan the code or open this address to check this certificate:", { size: 8, color: MUTED, ...note });
  w.line(input.verifyUrl, { size: 9, ...note });
  w.line("核验时可上传本文件：文件的任何改动都会导致核验不通过。", { size: 9, color: MUTED, ...note });
  if (english)
    w.line("You can upload this file there: any change to it makes the check fail.", {
      size: 8,
      color: MUTED,
      ...note,
    });
  // Plain (not object-stream) objects keep the document information readable by simple tools.
  return pdf.save({ useObjectStreams: false });
}
