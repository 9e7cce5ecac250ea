// The Temporal payload codec: every payload a client or worker sends is sealed with
// AES-256-GCM before it reaches the server, so histories (and the UI's HTTP API) hold no
// citizen's data in clear. Shared by web and workers; never imported by workflow code
// (codecs run outside the workflow sandbox, and workers/worker/src/workflow-bundle.test.ts
// checks the bundle holds none of it), so it is not in the contracts barrel and may use
// node:crypto. Its synchronous AES-GCM costs about a third of WebCrypto's CPU per payload
// (WebCrypto hops to the thread pool for each one); the bytes are the same: IV, ciphertext, tag.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Payload, PayloadCodec } from "@temporalio/common";
import * as protos from "@temporalio/proto";

export const ENCRYPTED_ENCODING = "binary/encrypted";
/** Metadata key naming the key a payload was sealed with. */
export const KEY_ID_METADATA = "encryption-key-id";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export interface CodecKey {
  id: string;
  /** 32 raw bytes. */
  key: Uint8Array;
}

// @temporalio/proto is CommonJS that fills `module.exports` at run time: bundlers (web,
// worker bundles, vitest) see its names, Node's own ESM loader (tsx: the launcher, the
// operator scripts) only `default`.
const proto = (protos as { temporal?: typeof protos.temporal }).temporal
  ? protos
  : (protos as unknown as { default: typeof protos }).default;
const PayloadMessage = proto.temporal.api.common.v1.Payload;

const text = new TextEncoder();
const words = new TextDecoder();

/**
 * Parses `id1:base64key,id2:base64key` (VO_TEMPORAL_CODEC_KEYS). The last key is the newest:
 * it seals new payloads; every key opens. Throws one message naming what is wrong.
 */
export function parseCodecKeys(value: string): CodecKey[] {
  const entries = value
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error("no keys: expected id:base64key[,id:base64key…]");
  const keys: CodecKey[] = [];
  for (const entry of entries) {
    const colon = entry.indexOf(":");
    const id = colon < 0 ? "" : entry.slice(0, colon);
    if (!KEY_ID.test(id))
      throw new Error(
        `"${id || entry.slice(0, 8)}…" is not a key id: expected id:base64key with an id of 1–32 letters, digits, - or _`,
      );
    if (keys.some((k) => k.id === id)) throw new Error(`key id "${id}" appears twice`);
    const b64 = entry.slice(colon + 1);
    const key = /^[A-Za-z0-9+/]+={0,2}$/.test(b64) ? base64ToBytes(b64) : undefined;
    if (!key || key.length !== 32)
      throw new Error(`key "${id}" must be 32 bytes in base64 (e.g. \`openssl rand -base64 32\`)`);
    keys.push({ id, key });
  }
  return keys;
}

/** A fresh key in the configuration's form, e.g. for the launcher's generated default. */
export function generateCodecKey(id: string): string {
  return `${id}:${bytesToBase64(randomBytes(32))}`;
}

export class EncryptionCodec implements PayloadCodec {
  private constructor(
    private readonly newest: CodecKey,
    private readonly byId: ReadonlyMap<string, Uint8Array>,
  ) {}

  static async create(keys: readonly CodecKey[]): Promise<EncryptionCodec> {
    const last = keys.at(-1);
    if (!last) throw new Error("The payload codec needs at least one key.");
    return new EncryptionCodec(last, new Map(keys.map((k) => [k.id, k.key])));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => this.seal(p));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => this.open(p));
  }

  private seal(payload: Payload): Payload {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.newest.key, iv);
    // The key id is bound as associated data: a payload relabelled with another id fails to open.
    cipher.setAAD(text.encode(this.newest.id));
    const sealed = Buffer.concat([cipher.update(PayloadMessage.encode(payload).finish()), cipher.final()]);
    const data = new Uint8Array(Buffer.concat([iv, sealed, cipher.getAuthTag()]));
    return {
      metadata: { encoding: text.encode(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: text.encode(this.newest.id) },
      data,
    };
  }

  private open(payload: Payload): Payload {
    // Payloads written before the codec (running cases, saved histories) pass through.
    if (!isEncrypted(payload)) return payload;
    const keyId = payload.metadata?.[KEY_ID_METADATA];
    const id = keyId ? words.decode(keyId) : "";
    const key = this.byId.get(id);
    if (!key)
      throw new Error(
        `A payload is sealed with key "${id}", which is not among the configured keys (VO_TEMPORAL_CODEC_KEYS).`,
      );
    const data = payload.data ?? new Uint8Array();
    if (data.length < IV_BYTES + TAG_BYTES)
      throw new Error(`A sealed payload is too short to open (${data.length} bytes).`);
    const decipher = createDecipheriv("aes-256-gcm", key, data.subarray(0, IV_BYTES));
    decipher.setAAD(text.encode(id));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    // final() throws when the tag does not match: tampered, or the wrong key.
    const plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
    return PayloadMessage.decode(plain) as Payload;
  }
}

export function isEncrypted(payload: Payload): boolean {
  const encoding = payload.metadata?.encoding;
  return encoding !== undefined && encoding !== null && words.decode(encoding) === ENCRYPTED_ENCODING;
}

function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

function bytesToBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

/**
 * A fixed key for tests only (the saved histories in workflows/histories are sealed with it
 * so that replay can open them). Public: never configure it anywhere else.
 */
export const TEST_CODEC_KEYS = "test-2026-11:dmlzaXQtb25jZS10ZXN0LW9ubHktY29kZWMta2V5ISE=";
