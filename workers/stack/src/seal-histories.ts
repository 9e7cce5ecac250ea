// `npx tsx workers/stack/src/seal-histories.ts`: seals the payloads of the saved histories in
// workflows/histories with the payload codec's TEST key, as if they had been recorded through
// the codec. For histories that cannot be recorded again (the pre-casework-* ones and those
// from before the CSPRNG codes: they keep the replay test proving the patches), so that no
// identity number, name or address is committed in clear. Already sealed payloads are left
// as they are; markers (patches, local activities) are left to the SDK core, which reads them.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Payload } from "@temporalio/common";
import {
  EncryptionCodec,
  isEncrypted,
  parseCodecKeys,
  TEST_CODEC_KEYS,
} from "@visit-once/workflows/contracts/payload-codec";
import { ROOT } from "./paths";

interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

const dir = path.join(ROOT, "workflows", "histories");
const codec = await EncryptionCodec.create(parseCodecKeys(TEST_CODEC_KEYS));

const fromJson = (p: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, "base64")])),
  data: Buffer.from(p.data ?? "", "base64"),
});
const toJson = (p: Payload): JsonPayload => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v!).toString("base64")]),
  ),
  data: Buffer.from(p.data ?? new Uint8Array()).toString("base64"),
});

/** Seals every `payloads` list under `value` (inputs, results, update arguments, failure details). */
async function seal(value: unknown): Promise<number> {
  if (Array.isArray(value)) return (await Promise.all(value.map(seal))).reduce((a, b) => a + b, 0);
  if (!value || typeof value !== "object") return 0;
  const record = value as Record<string, unknown>;
  let sealed = 0;
  for (const [key, child] of Object.entries(record)) {
    if (key === "markerRecordedEventAttributes") continue;
    if (key === "payloads" && Array.isArray(child)) {
      const payloads = (child as JsonPayload[]).map(fromJson);
      const open = payloads.filter((p) => !isEncrypted(p));
      const encoded = await codec.encode(open);
      record[key] = payloads.map((p) => toJson(isEncrypted(p) ? p : encoded.shift()!));
      sealed += open.length;
    } else {
      sealed += await seal(child);
    }
  }
  return sealed;
}

for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
  const full = path.join(dir, file);
  const history = JSON.parse(readFileSync(full, "utf8")) as unknown;
  const count = await seal(history);
  if (count > 0) writeFileSync(full, `${JSON.stringify(history, null, 2)}\n`);
  console.log(`${file}: ${count} payload(s) sealed`);
}
