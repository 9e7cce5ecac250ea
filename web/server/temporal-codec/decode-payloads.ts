import type { Payload } from "@temporalio/common";
import { z } from "zod";
import type { Actor } from "../access/policy";
import { authorise } from "../access/authorise";
import { recordDecode } from "../ledger/record-decode";
import { temporalCodec } from "../temporal";
import { decodedContents } from "./decoded-contents";

// The Temporal codec server protocol: `{ payloads: [{ metadata: { <key>: <base64> }, data: <base64> }] }`
// in and out (a Payload in proto3 JSON). https://docs.temporal.io/production-deployment/data-encryption
const base64 = z
  .string()
  .max(1_000_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, "must be base64");
const payloadsSchema = z.object({
  payloads: z
    .array(z.object({ metadata: z.record(z.string().max(256), base64).optional(), data: base64.optional() }))
    .max(1000, "at most 1000 payloads per request"),
});
export type JsonPayload = z.infer<typeof payloadsSchema>["payloads"][number];

export type DecodeResult =
  | { kind: "decoded"; payloads: JsonPayload[] }
  | { kind: "invalid"; message: string }
  /** Not this person's to open, or not this deployment's namespace: looks like absence. */
  | { kind: "not-found" }
  /** Sealed with a key this web does not hold, or altered. */
  | { kind: "undecodable"; message: string };

/**
 * Opens the payloads the Temporal UI shows, for staff whose role may (policy: `decode`
 * `payloads`). Every decode request, opened, refused or undecodable, is one access-ledger entry
 * (written before anything opened is returned); a refusal is audited too.
 */
export async function decodePayloads(
  actor: Actor,
  namespace: string | null,
  configuredNamespace: string,
  body: unknown,
): Promise<DecodeResult> {
  const parsed = payloadsSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      kind: "invalid",
      message: `Send {"payloads": [...]} as the Temporal codec protocol says (${issue?.path.join(".") || "body"}: ${issue?.message}).`,
    };
  }
  const ns = namespace ?? configuredNamespace;
  const count = parsed.data.payloads.length;
  const decision = await authorise(
    actor,
    "decode",
    { kind: "payloads", namespace: ns },
    `temporal-payloads:${ns.slice(0, 64)}/${count}`,
  );
  const nothing = { applicationIds: [], fields: [] };
  if (!decision.allowed || ns !== configuredNamespace) {
    await recordDecode(actor, "refused", nothing);
    return { kind: "not-found" };
  }
  const codec = await temporalCodec();
  let decoded: Payload[];
  try {
    decoded = await codec.decode(parsed.data.payloads.map(fromJson));
  } catch {
    await recordDecode(actor, "undecodable", nothing);
    return {
      kind: "undecodable",
      message:
        "A payload could not be opened: it is sealed with a key this deployment does not hold, or it was altered.",
    };
  }
  await recordDecode(actor, "allowed", decodedContents(decoded));
  return { kind: "decoded", payloads: decoded.map(toJson) };
}

function fromJson(p: JsonPayload): Payload {
  return {
    metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, "base64")])),
    data: Buffer.from(p.data ?? "", "base64"),
  };
}

function toJson(p: Payload): JsonPayload {
  return {
    metadata: Object.fromEntries(
      Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? new Uint8Array()).toString("base64")]),
    ),
    data: Buffer.from(p.data ?? new Uint8Array()).toString("base64"),
  };
}
