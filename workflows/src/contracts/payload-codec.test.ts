import { defaultPayloadConverter, type Payload } from "@temporalio/common";
import { temporal } from "@temporalio/proto";
import { describe, expect, it } from "vitest";
import {
  EncryptionCodec,
  ENCRYPTED_ENCODING,
  generateCodecKey,
  isEncrypted,
  KEY_ID_METADATA,
  parseCodecKeys,
  TEST_CODEC_KEYS,
} from "./payload-codec";

/** How the codec sealed payloads before it used node:crypto (WebCrypto): running cases and saved histories hold these. */
async function webCryptoSeal(keys: string, payload: Payload): Promise<Payload> {
  const { id, key } = parseCodecKeys(keys).at(-1)!;
  const k = await crypto.subtle.importKey("raw", new Uint8Array(key), "AES-GCM", false, ["encrypt"]);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = temporal.api.common.v1.Payload.encode(payload).finish();
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(id) },
      k,
      new Uint8Array(plain),
    ),
  );
  return {
    metadata: {
      encoding: new TextEncoder().encode(ENCRYPTED_ENCODING),
      [KEY_ID_METADATA]: new TextEncoder().encode(id),
    },
    data: new Uint8Array([...iv, ...sealed]),
  };
}

async function webCryptoOpen(keys: string, payload: Payload): Promise<Payload> {
  const { id, key } = parseCodecKeys(keys).at(-1)!;
  const k = await crypto.subtle.importKey("raw", new Uint8Array(key), "AES-GCM", false, ["decrypt"]);
  const data = payload.data!;
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: new Uint8Array(data.subarray(0, 12)), additionalData: new TextEncoder().encode(id) },
    k,
    new Uint8Array(data.subarray(12)),
  );
  return temporal.api.common.v1.Payload.decode(new Uint8Array(plain)) as Payload;
}

const person = { subjectNationalId: "330102199203150021", name: "王小明", address: "北京市东城区" };
const words = new TextDecoder();

describe("the payload codec", () => {
  it("seals a payload so that none of it reads in clear, and opens it back", async () => {
    const codec = await EncryptionCodec.create(parseCodecKeys(TEST_CODEC_KEYS));
    const payload = defaultPayloadConverter.toPayload(person);
    const [sealed] = await codec.encode([payload]);
    expect(words.decode(sealed!.metadata!.encoding!)).toBe(ENCRYPTED_ENCODING);
    expect(words.decode(sealed!.metadata![KEY_ID_METADATA]!)).toBe("test-2026-11");
    const bytes = Buffer.from(sealed!.data!);
    for (const clear of Object.values(person)) expect(bytes.includes(Buffer.from(clear))).toBe(false);
    expect(Object.keys(sealed!.metadata!)).not.toContain("messageType");
    const [opened] = await codec.decode([sealed!]);
    expect(defaultPayloadConverter.fromPayload(opened!)).toEqual(person);
  });

  it("reads what WebCrypto sealed before, and WebCrypto reads what it seals: the same bytes", async () => {
    const codec = await EncryptionCodec.create(parseCodecKeys(TEST_CODEC_KEYS));
    const payload = defaultPayloadConverter.toPayload(person);
    const [opened] = await codec.decode([await webCryptoSeal(TEST_CODEC_KEYS, payload)]);
    expect(defaultPayloadConverter.fromPayload(opened!)).toEqual(person);
    const [sealed] = await codec.encode([payload]);
    expect(defaultPayloadConverter.fromPayload(await webCryptoOpen(TEST_CODEC_KEYS, sealed!))).toEqual(person);
  });

  it("refuses a payload too short to hold its IV and tag, with the reason", async () => {
    const codec = await EncryptionCodec.create(parseCodecKeys(TEST_CODEC_KEYS));
    const [sealed] = await codec.encode([defaultPayloadConverter.toPayload(person)]);
    await expect(codec.decode([{ ...sealed!, data: sealed!.data!.subarray(0, 20) }])).rejects.toThrow(
      /too short to open \(20 bytes\)/,
    );
  });

  it("uses a fresh 96-bit IV per payload", async () => {
    const codec = await EncryptionCodec.create(parseCodecKeys(TEST_CODEC_KEYS));
    const payload = defaultPayloadConverter.toPayload(person);
    const [a, b] = await codec.encode([payload, payload]);
    expect(Buffer.from(a!.data!.subarray(0, 12)).equals(Buffer.from(b!.data!.subarray(0, 12)))).toBe(false);
    expect(Buffer.from(a!.data!).equals(Buffer.from(b!.data!))).toBe(false);
  });

  it("rotates by adding a key: seals with the newest, opens with any", async () => {
    const old = generateCodecKey("k1");
    const before = await EncryptionCodec.create(parseCodecKeys(old));
    const [sealedBefore] = await before.encode([defaultPayloadConverter.toPayload(person)]);
    const after = await EncryptionCodec.create(parseCodecKeys(`${old},${generateCodecKey("k2")}`));
    expect(defaultPayloadConverter.fromPayload((await after.decode([sealedBefore!]))[0]!)).toEqual(person);
    const [sealedAfter] = await after.encode([defaultPayloadConverter.toPayload(person)]);
    expect(words.decode(sealedAfter!.metadata![KEY_ID_METADATA]!)).toBe("k2");
    await expect(before.decode([sealedAfter!])).rejects.toThrow(/key "k2", which is not among the configured keys/);
  });

  it("passes through payloads written before the codec", async () => {
    const codec = await EncryptionCodec.create(parseCodecKeys(TEST_CODEC_KEYS));
    const plain = defaultPayloadConverter.toPayload(person);
    expect(isEncrypted(plain)).toBe(false);
    expect(await codec.decode([plain])).toEqual([plain]);
  });

  it("refuses a tampered payload and a relabelled key id", async () => {
    const keys = `${generateCodecKey("a")},${generateCodecKey("b")}`;
    const codec = await EncryptionCodec.create(parseCodecKeys(keys));
    const [sealed] = await codec.encode([defaultPayloadConverter.toPayload(person)]);
    const flipped: Payload = { ...sealed!, data: Uint8Array.from(sealed!.data!, (v, i) => (i === 20 ? v ^ 1 : v)) };
    await expect(codec.decode([flipped])).rejects.toThrow();
    const relabelled: Payload = {
      ...sealed!,
      metadata: { ...sealed!.metadata, [KEY_ID_METADATA]: new TextEncoder().encode("a") },
    };
    await expect(codec.decode([relabelled])).rejects.toThrow();
  });

  it("says what is wrong with a key list", () => {
    expect(() => parseCodecKeys("")).toThrow(/no keys/);
    expect(() => parseCodecKeys("nokey")).toThrow(/not a key id/);
    expect(() => parseCodecKeys("a:c2hvcnQ=")).toThrow(/key "a" must be 32 bytes/);
    expect(() => parseCodecKeys("a:not base64!")).toThrow(/key "a" must be 32 bytes/);
    const k = generateCodecKey("a");
    expect(() => parseCodecKeys(`${k},${k}`)).toThrow(/appears twice/);
    expect(parseCodecKeys(` ${k} , ${generateCodecKey("b")} `).map((x) => x.id)).toEqual(["a", "b"]);
  });
});
