import { EventEmitter } from "node:events";
import { create, type Font } from "fontkit";
import type { Fontkit } from "pdf-lib/cjs/types/fontkit";

// pdf-lib embeds fonts through a fontkit it is given. Its own fork (@pdf-lib/fontkit 1.1) drops
// most glyphs when it subsets Noto Sans SC (the PDF's text extracts, but draws as blanks), while
// fontkit 2 subsets it correctly. fontkit 2 encodes a subset in one call where pdf-lib expects
// fontkit 1's stream, so this adapter hands pdf-lib that stream.

function withSubsetStream(font: Font): Font {
  return new Proxy(font, {
    get(target, prop) {
      if (prop === "createSubset") {
        return () => {
          const subset = target.createSubset();
          return {
            includeGlyph: (glyph: Parameters<typeof subset.includeGlyph>[0]) => subset.includeGlyph(glyph),
            encodeStream() {
              const stream = new EventEmitter();
              setImmediate(() => {
                stream.emit("data", subset.encode());
                stream.emit("end");
              });
              return stream;
            },
          };
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export const pdfFontkit = {
  create(bytes: Uint8Array) {
    const font = create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (!("createSubset" in font))
      throw new Error("The certificate font is a collection; a single font file is needed.");
    return withSubsetStream(font);
  },
} as unknown as Fontkit;
