import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const DATA_DIR = path.join(ROOT, ".data");

/** The access ledger's signing key the launcher generates for a data folder (development default). */
export function ledgerKeyFile(dataDir: string): string {
  return path.join(dataDir, "ledger-signing-key");
}

/** Where the launcher keeps the development default of VO_TEMPORAL_CODEC_KEYS. */
export function codecKeysFile(dataDir: string): string {
  return path.join(dataDir, "temporal-codec-keys");
}

/** Where the launcher keeps the development defaults of VO_DATA_KEYS and VO_BLIND_INDEX_KEY. */
export function dataKeysFile(dataDir: string): string {
  return path.join(dataDir, "data-keys");
}

export function blindIndexKeyFile(dataDir: string): string {
  return path.join(dataDir, "blind-index-key");
}
