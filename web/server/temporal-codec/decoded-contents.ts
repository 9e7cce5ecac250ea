import type { Payload } from "@temporalio/common";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_DEPTH = 4;
const MAX_FIELDS = 50;

/**
 * What a decode opened, as far as it is cheap to tell, for its ledger entry: the cases named in
 * the payloads (an `applicationId` anywhere near the top: every workflow input and activity
 * input of a case carries one) and the top-level field names of JSON payloads. Never values.
 */
export function decodedContents(payloads: readonly Payload[]): { applicationIds: string[]; fields: string[] } {
  const applicationIds = new Set<string>();
  const fields = new Set<string>();
  for (const p of payloads) {
    const encoding = p.metadata?.encoding ? Buffer.from(p.metadata.encoding).toString() : "";
    if (encoding !== "json/plain" || !p.data) continue;
    let value: unknown;
    try {
      value = JSON.parse(Buffer.from(p.data).toString("utf8"));
    } catch {
      continue;
    }
    if (isObject(value)) for (const k of Object.keys(value)) if (fields.size < MAX_FIELDS) fields.add(k);
    collectCases(value, applicationIds, 0);
  }
  return { applicationIds: [...applicationIds].sort(), fields: [...fields].sort() };
}

function collectCases(value: unknown, into: Set<string>, depth: number): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== "object") return;
  for (const [k, v] of Object.entries(value)) {
    if (k === "applicationId" && typeof v === "string" && UUID.test(v)) into.add(v);
    else collectCases(v, into, depth + 1);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
