// The Temporal payload codec: every payload a client or worker sends is sealed with
// AES-256-GCM before it reaches the server, so histories (and the UI's HTTP API) hold no
// citizen's data in clear. Shared by web and workers; never imported by workflow code
// (codecs run outside the workflow sandbox), so it is not in the contracts barrel. It uses
// WebCrypto (a global in Node and browsers), not a Node built-in, which is what lets it
// live beside the contracts.
import type { Payload, PayloadCodec } from "@temporalio/common";
import * as protos from "@temporalio/proto";

export const ENCRYPTED_ENCODING = "binary/encrypted";
/** Metadata key naming the key a payload was sealed with. */
export const KEY_ID_METADATA = "encryption-key-id";
const IV_BYTES = 12;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export interface CodecKey {
  id: string;
  /** 32 raw bytes. */
  key: Uint8Array;
}

/** WebCrypto's key type, named without the DOM library. */
type SealingKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

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
  return `${id}:${bytesToBase64(crypto.getRandomValues(new Uint8Array(32)))}`;
}

export class EncryptionCodec implements PayloadCodec {
  private constructor(
    private readonly newest: { id: string; key: SealingKey },
    private readonly byId: ReadonlyMap<string, SealingKey>,
  ) {}

  static async create(keys: readonly CodecKey[]): Promise<EncryptionCodec> {
    const last = keys.at(-1);
    if (!last) throw new Error("The payload codec needs at least one key.");
    const imported = new Map<string, SealingKey>();
    for (const k of keys)
      imported.set(k.id, await crypto.subtle.importKey("raw", own(k.key), "AES-GCM", false, ["encrypt", "decrypt"]));
    return new EncryptionCodec({ id: last.id, key: imported.get(last.id)! }, imported);
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.all(payloads.map((p) => this.seal(p)));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.all(payloads.map((p) => this.open(p)));
  }

  private async seal(payload: Payload): Promise<Payload> {
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const plain = PayloadMessage.encode(payload).finish();
    // The key id is bound as associated data: a payload relabelled with another id fails to open.
    const sealed = new Uint8Array(
      await crypto.subtle.encrypt(
        { name: "AES-GCM", iv, additionalData: text.encode(this.newest.id) },
        this.newest.key,
        own(plain),
      ),
    );
    const data = new Uint8Array(IV_BYTES + sealed.length);
    data.set(iv);
    data.set(sealed, IV_BYTES);
    return {
      metadata: { encoding: text.encode(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: text.encode(this.newest.id) },
      data,
    };
  }

  private async open(payload: Payload): Promise<Payload> {
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
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: own(data.subarray(0, IV_BYTES)), additionalData: text.encode(id) },
      key,
      own(data.subarray(IV_BYTES)),
    );
    return PayloadMessage.decode(new Uint8Array(plain)) as Payload;
  }
}

export function isEncrypted(payload: Payload): boolean {
  const encoding = payload.metadata?.encoding;
  return encoding !== undefined && encoding !== null && words.decode(encoding) === ENCRYPTED_ENCODING;
}

/** A copy on its own ArrayBuffer, which is what WebCrypto's types ask for. */
function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
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
