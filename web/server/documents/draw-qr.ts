import { type PDFPage, rgb } from "pdf-lib";
import QRCode from "qrcode";

/** A QR code of `text` drawn as vector squares, `side` points wide with its bottom-left corner at (x, y). */
export function drawQrCode(page: PDFPage, text: string, at: { x: number; y: number; side: number }): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const quiet = 2;
  const cell = at.side / (modules.size + quiet * 2);
  const ink = rgb(0, 0, 0);
  page.drawRectangle({ x: at.x, y: at.y, width: at.side, height: at.side, color: rgb(1, 1, 1) });
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      page.drawRectangle({
        x: at.x + (col + quiet) * cell,
        y: at.y + at.side - (row + quiet + 1) * cell,
        width: cell,
        height: cell,
        color: ink,
      });
    }
  }
}
