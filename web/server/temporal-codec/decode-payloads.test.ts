import { defaultPayloadConverter } from "@temporalio/common";
import { EncryptionCodec, generateCodecKey, parseCodecKeys, TEST_CODEC_KEYS } from "@visit-once/workflows/contracts/payload-codec";
import { afterAll, describe, expect, it } from "vitest";
import { testAccount, testDb } from "../../testing/database";
import { decodePayloads, type JsonPayload } from "./decode-payloads";

// env() (read by the codec) takes these; the database is the run's own.
process.env.NEXTAUTH_SECRET ??= "decode-payloads-test-secret";
process.env.VO_TEMPORAL_CODEC_KEYS = TEST_CODEC_KEYS;

const db = testDb();
afterAll(() => db.$disconnect());

const person = { subjectNationalId: "not-a-real-number", name: "测试人", address: "测试地址" };
const toJson = (p: { metadata?: Record<string, Uint8Array | null> | null; data?: Uint8Array | null }): JsonPayload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v!).toString("base64")])),
  data: Buffer.from(p.data!).toString("base64"),
});
const fromJson = (p: JsonPayload) => defaultPayloadConverter.fromPayload({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, "base64")])),
  data: Buffer.from(p.data ?? "", "base64"),
});

async function sealed(keys = TEST_CODEC_KEYS): Promise<JsonPayload> {
  const codec = await EncryptionCodec.create(parseCodecKeys(keys));
  const [payload] = await codec.encode([defaultPayloadConverter.toPayload(person)]);
  return toJson(payload!);
}

const decodeRows = (actorId: string) => db.auditEntry.findMany({ where: { actorId, action: "decode" } });

describe("the Temporal UI's codec endpoint", () => {
  it("opens sealed payloads for a caseworker and an administrator, and records each decode", async () => {
    for (const role of ["CASEWORKER", "ADMIN"] as const) {
      const staff = await testAccount(db, role);
      const plain = toJson(defaultPayloadConverter.toPayload({ before: "the codec" }));
      const result = await decodePayloads(staff, "default", "default", { payloads: [await sealed(), plain] });
      expect(result.kind).toBe("decoded");
      if (result.kind !== "decoded") return;
      expect(fromJson(result.payloads[0]!)).toEqual(person);
      // Payloads from before the codec come back as they were.
      expect(result.payloads[1]).toEqual(plain);
      expect(await decodeRows(staff.id)).toMatchObject([{ role, allowed: true, resource: "temporal-payloads:default/2" }]);
    }
  });

  it("looks like absence to citizens and officers, and records the refusal", async () => {
    for (const [role, office] of [["CITIZEN", null], ["OFFICER", "health"]] as const) {
      const someone = await testAccount(db, role, office);
      expect(await decodePayloads(someone, "default", "default", { payloads: [await sealed()] })).toEqual({ kind: "not-found" });
      expect(await decodeRows(someone.id)).toMatchObject([{ allowed: false }]);
    }
  });

  it("answers only for this deployment's namespace (X-Namespace), the configured one when unsaid", async () => {
    const caseworker = await testAccount(db, "CASEWORKER");
    expect(await decodePayloads(caseworker, "other", "default", { payloads: [await sealed()] })).toEqual({ kind: "not-found" });
    expect((await decodePayloads(caseworker, null, "default", { payloads: [await sealed()] })).kind).toBe("decoded");
  });

  it("says what is wrong with a malformed body, and with a payload it cannot open", async () => {
    const caseworker = await testAccount(db, "CASEWORKER");
    for (const body of [null, {}, { payloads: "x" }, { payloads: [{ data: "not base64!" }] }, { payloads: Array.from({ length: 1001 }, () => ({})) }]) {
      const result = await decodePayloads(caseworker, "default", "default", body);
      expect(result.kind).toBe("invalid");
      if (result.kind === "invalid") expect(result.message).toMatch(/^Send \{"payloads": \[\.\.\.\]\}/);
    }
    const foreign = await sealed(generateCodecKey("elsewhere"));
    expect(await decodePayloads(caseworker, "default", "default", { payloads: [foreign] })).toMatchObject({ kind: "undecodable" });
    const altered = await sealed();
    const bytes = Buffer.from(altered.data!, "base64");
    bytes[bytes.length - 1]! ^= 1;
    expect(await decodePayloads(caseworker, "default", "default", { payloads: [{ ...altered, data: bytes.toString("base64") }] })).toMatchObject({
      kind: "undecodable",
    });
  });
});
