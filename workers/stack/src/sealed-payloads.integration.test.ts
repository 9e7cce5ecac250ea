// A fresh case through the real workers and a real Temporal server: what the server stores
// (`temporal workflow show --output json`, what its UI's HTTP API serves) holds no identity
// number, name or address in clear, only payloads sealed by the codec, which open again.
import { execFileSync } from "node:child_process";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import { openSensitive, testFieldCipher } from "@visit-once/prisma/at-rest";
import { ENCRYPTED_ENCODING } from "@visit-once/workflows/contracts/payload-codec";
import { describe, expect, it } from "vitest";
import { approveAll } from "./testing/case-driver";
import { submit, useCaseStack } from "./testing/case-stack";
import { createTestTemporal } from "./testing/temporal-env";
import { testDataConverter } from "@visit-once/workers/testing/test-codec";
import { findTemporalCli } from "./temporal-server";

const stack = useCaseStack(createTestTemporal);
const mei = DEMO_CITIZENS[0];

interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

/**
 * Every payload in a history's JSON but the markers' (patch and local-activity bookkeeping
 * that the SDK's core writes and reads itself: ids and times, no citizen's data).
 */
function payloadsIn(value: unknown, found: JsonPayload[] = []): JsonPayload[] {
  if (Array.isArray(value)) value.forEach((v) => payloadsIn(v, found));
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (key === "markerRecordedEventAttributes") continue;
      if (key === "payloads" && Array.isArray(child)) found.push(...(child as JsonPayload[]));
      else payloadsIn(child, found);
    }
  }
  return found;
}

/** Every string in the evidence the case gathered: names, addresses, identity numbers … */
function personalStrings(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === "string" && (/\p{Script=Han}{2,}/u.test(value) || /^\d{17}[\dX]$/.test(value))) found.add(value);
  else if (Array.isArray(value)) value.forEach((v) => personalStrings(v, found));
  else if (value && typeof value === "object") Object.values(value).forEach((v) => personalStrings(v, found));
  return found;
}

describe("Temporal payloads at rest", () => {
  it("a completed case's history holds no identity number, name or address in clear", async () => {
    const { applicationId, handle } = await submit(stack, mei.email);
    await approveAll(handle);
    const shown = execFileSync(
      findTemporalCli()!,
      ["workflow", "show", "--workflow-id", handle.workflowId, "--address", stack.env.address, "--output", "json"],
      {
        encoding: "utf8",
      },
    );
    const records = await stack.db.evidenceRecord.findMany({ where: { applicationId } });
    const secrets = personalStrings(records.map((r) => openSensitive(r.data, testFieldCipher())));
    secrets.add(mei.nationalId);
    expect(secrets.size).toBeGreaterThan(5);

    // Read as it is, and with every base64 string decoded (payload data is base64 JSON).
    const readings = [
      shown,
      ...[...shown.matchAll(/[A-Za-z0-9+/]{16,}={0,2}/g)].map((m) => Buffer.from(m[0], "base64").toString("utf8")),
    ].join("\n");
    expect([...secrets].filter((s) => readings.includes(s))).toEqual([]);

    // Sealed: workflow input, activity inputs and results, update arguments and results.
    const payloads = payloadsIn(JSON.parse(shown));
    expect(payloads.length).toBeGreaterThan(20);
    const unsealed = payloads.filter(
      (p) => Buffer.from(p.metadata?.encoding ?? "", "base64").toString() !== ENCRYPTED_ENCODING,
    );
    expect(unsealed.map((p) => Buffer.from(p.data ?? "", "base64").toString())).toEqual([]);

    // And the codec with the key opens them again: the secrets were there, sealed.
    const codec = (await testDataConverter()).payloadCodecs![0]!;
    const opened = await codec.decode(
      payloads.map((p) => ({
        metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, "base64")])),
        data: Buffer.from(p.data ?? "", "base64"),
      })),
    );
    const clear = opened.map((p) => Buffer.from(p.data ?? new Uint8Array()).toString("utf8")).join("\n");
    expect(clear).toContain(mei.nationalId);
    expect([...secrets].some((s) => s !== mei.nationalId && clear.includes(s))).toBe(true);
  }, 120_000);
});
