import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** The text of a PDF's pages as a reader extracts it (pdf.js, the engine of Firefox's viewer). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: Uint8Array.from(bytes), useSystemFonts: false, isEvalSupported: false })
    .promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""));
    }
    return pages.join("\n");
  } finally {
    await doc.destroy();
  }
}
