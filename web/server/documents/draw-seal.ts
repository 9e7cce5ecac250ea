import { degrees, type PDFFont, type PDFPage, rgb } from "pdf-lib";

const SEAL_RED = rgb(0.82, 0.1, 0.12);

/** A five-pointed star as an SVG path around (0, 0), y downwards as SVG draws. */
function starPath(outer: number): string {
  const inner = outer * 0.382;
  const points = Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return `${(r * Math.cos(a)).toFixed(2)} ${(r * Math.sin(a)).toFixed(2)}`;
  });
  return `M ${points.join(" L ")} Z`;
}

/**
 * The issuing office's seal, drawn the way Chinese official seals look: a red ring, the office's
 * name along its upper arc, a star in the middle and what the seal is for beneath it.
 */
export function drawSeal(
  page: PDFPage,
  font: PDFFont,
  at: { x: number; y: number },
  officeZh: string,
  purposeZh: string,
): void {
  const radius = 52;
  page.drawCircle({
    x: at.x,
    y: at.y,
    size: radius,
    borderColor: SEAL_RED,
    borderWidth: 3,
    opacity: 0,
    borderOpacity: 0.9,
  });
  page.drawSvgPath(starPath(15), { x: at.x, y: at.y + 2, color: SEAL_RED, borderWidth: 0 });

  const chars = Array.from(officeZh);
  const size = chars.length > 8 ? 9 : 11;
  const textRadius = radius - 6 - size * 0.8;
  // Spread the name over an arc of up to 240°, centred on the top, read left to right.
  const sweep = Math.min(240, chars.length * 26) * (Math.PI / 180);
  chars.forEach((ch, i) => {
    const theta = Math.PI / 2 + sweep / 2 - (chars.length === 1 ? sweep / 2 : (i * sweep) / (chars.length - 1));
    const phi = theta - Math.PI / 2; // the glyph's baseline runs along the tangent, its top outwards
    const width = font.widthOfTextAtSize(ch, size);
    const px = at.x + textRadius * Math.cos(theta);
    const py = at.y + textRadius * Math.sin(theta);
    const x = px - (width / 2) * Math.cos(phi) + size * 0.35 * Math.sin(phi);
    const y = py - (width / 2) * Math.sin(phi) - size * 0.35 * Math.cos(phi);
    page.drawText(ch, { x, y, size, font, color: SEAL_RED, rotate: degrees((phi * 180) / Math.PI) });
  });

  const purposeSize = 8;
  const purposeWidth = font.widthOfTextAtSize(purposeZh, purposeSize);
  page.drawText(purposeZh, { x: at.x - purposeWidth / 2, y: at.y - 28, size: purposeSize, font, color: SEAL_RED });
}
