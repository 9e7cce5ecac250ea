import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

// Noto Sans SC (OFL-1.1) from the npm package @expo-google-fonts/noto-sans-sc: whole TrueType
// files (glyf outlines), which pdf-lib subsets to the characters a certificate draws. The
// package is read as files, never imported (its entry point is for Expo apps).
const PACKAGE_DIR = path.join("node_modules", "@expo-google-fonts", "noto-sans-sc");
const FILES = { regular: "400Regular/NotoSansSC_400Regular.ttf", bold: "700Bold/NotoSansSC_700Bold.ttf" } as const;

export type CertificateFontWeight = keyof typeof FILES;

/** The package folder, found from the working directory upwards (web/ in development, the standalone root in an image). */
function packageDir(): string {
  let dir = process.cwd();
  for (;;) {
    const candidate = path.join(dir, PACKAGE_DIR);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error(
        `The certificate font is missing: install @expo-google-fonts/noto-sans-sc (looked for ${PACKAGE_DIR} from ${process.cwd()} upwards).`,
      );
    dir = parent;
  }
}

const loaded = new Map<CertificateFontWeight, Promise<Uint8Array>>();

/** The font file's bytes, read once per process. */
export function certificateFont(weight: CertificateFontWeight): Promise<Uint8Array> {
  let bytes = loaded.get(weight);
  if (!bytes) {
    bytes = readFile(path.join(packageDir(), FILES[weight])).then((b) => new Uint8Array(b));
    bytes.catch(() => loaded.delete(weight));
    loaded.set(weight, bytes);
  }
  return bytes;
}
