import { randomUUID } from "node:crypto";
import { defaultPayloadConverter } from "@temporalio/common";
import {
  EncryptionCodec,
  generateCodecKey,
  parseCodecKeys,
  TEST_CODEC_KEYS,
} from "@visit-once/workflows/contracts/payload-codec";
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
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v!).toString("base64")]),
  ),
  data: Buffer.from(p.data!).toString("base64"),
});
const fromJson = (p: JsonPayload) =>
  defaultPayloadConverter.fromPayload({
    metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, "base64")])),
    data: Buffer.from(p.data ?? "", "base64"),
  });

async function sealed(keys = TEST_CODEC_KEYS): Promise<JsonPayload> {
  const codec = await EncryptionCodec.create(parseCodecKeys(keys));
  const [payload] = await codec.encode([defaultPayloadConverter.toPayload(person)]);
  return toJson(payload!);
}

const decodeRows = (actorId: string) => db.auditEntry.findMany({ where: { actorId, action: "decode" } });
const ledgerRows = (actorId: string) =>
  db.accessEvent.findMany({ where: { actorId, action: "codec-decode" }, orderBy: { seq: "asc" } });

describe("the Temporal UI's codec endpoint", () => {
  it("opens sealed payloads for a caseworker and an administrator, and puts each decode on the access ledger", async () => {
    for (const role of ["CASEWORKER", "ADMIN"] as const) {
      const staff = await testAccount(db, role);
      const plain = toJson(defaultPayloadConverter.toPayload({ before: "the codec" }));
      const result = await decodePayloads(staff, "default", "default", { payloads: [await sealed(), plain] });
      expect(result.kind).toBe("decoded");
      if (result.kind !== "decoded") return;
      expect(fromJson(result.payloads[0]!)).toEqual(person);
      // Payloads from before the codec come back as they were.
      expect(result.payloads[1]).toEqual(plain);
      // On the ledger (not the audit log): who, the field names opened, never a value; no case named, so nobody's.
      expect(await decodeRows(staff.id)).toEqual([]);
      const [entry, ...more] = await ledgerRows(staff.id);
      expect(more).toEqual([]);
      expect(entry).toMatchObject({
        actorRole: role,
        outcome: "allowed",
        subjectId: null,
        applicationId: null,
        fields: ["address", "before", "name", "subjectNationalId"],
        purpose: "Inspecting a case's workflow in the Temporal UI",
      });
      expect(entry!.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify({ ...entry, seq: String(entry!.seq) })).not.toContain(person.name);
    }
  });

  it("names the case and whose it is when the opened payloads name exactly one case", async () => {
    const citizen = await testAccount(db, "CITIZEN");
    const app = await db.application.create({
      data: {
        id: randomUUID(),
        serviceCode: "newborn-registration",
        citizenId: citizen.id,
        status: "SUBMITTED",
        consent: {},
      },
    });
    const codec = await EncryptionCodec.create(parseCodecKeys(TEST_CODEC_KEYS));
    const input = (
      await codec.encode([
        defaultPayloadConverter.toPayload({ input: { applicationId: app.id, nationalId: "not-a-real-number" } }),
      ])
    ).map(toJson);
    const caseworker = await testAccount(db, "CASEWORKER");
    expect((await decodePayloads(caseworker, "default", "default", { payloads: input })).kind).toBe("decoded");
    expect(await ledgerRows(caseworker.id)).toMatchObject([
      {
        applicationId: app.id,
        subjectId: citizen.id,
        serviceCode: "newborn-registration",
        fields: ["input"],
        outcome: "allowed",
      },
    ]);
    await db.application.delete({ where: { id: app.id } });
  });

  it("looks like absence to citizens and officers, and records the refusal", async () => {
    for (const [role, office] of [
      ["CITIZEN", null],
      ["OFFICER", "health"],
    ] as const) {
      const someone = await testAccount(db, role, office);
      expect(await decodePayloads(someone, "default", "default", { payloads: [await sealed()] })).toEqual({
        kind: "not-found",
      });
      expect(await decodeRows(someone.id)).toMatchObject([{ allowed: false }]);
      expect(await ledgerRows(someone.id)).toMatchObject([{ outcome: "refused", fields: [], subjectId: null }]);
    }
  });

  it("answers only for this deployment's namespace (X-Namespace), the configured one when unsaid", async () => {
    const caseworker = await testAccount(db, "CASEWORKER");
    expect(await decodePayloads(caseworker, "other", "default", { payloads: [await sealed()] })).toEqual({
      kind: "not-found",
    });
    expect((await decodePayloads(caseworker, null, "default", { payloads: [await sealed()] })).kind).toBe("decoded");
  });

  it("says what is wrong with a malformed body, and with a payload it cannot open", async () => {
    const caseworker = await testAccount(db, "CASEWORKER");
    for (const body of [
      null,
      {},
      { payloads: "x" },
      { payloads: [{ data: "not base64!" }] },
      { payloads: Array.from({ length: 1001 }, () => ({})) },
    ]) {
      const result = await decodePayloads(caseworker, "default", "default", body);
      expect(result.kind).toBe("invalid");
      if (result.kind === "invalid") expect(result.message).toMatch(/^Send \{"payloads": \[\.\.\.\]\}/);
    }
    const foreign = await sealed(generateCodecKey("elsewhere"));
    expect(await decodePayloads(caseworker, "default", "default", { payloads: [foreign] })).toMatchObject({
      kind: "undecodable",
    });
    expect(await ledgerRows(caseworker.id)).toMatchObject([{ outcome: "undecodable" }]);
    const altered = await sealed();
    const bytes = Buffer.from(altered.data!, "base64");
    bytes[bytes.length - 1]! ^= 1;
    expect(
      await decodePayloads(caseworker, "default", "default", {
        payloads: [{ ...altered, data: bytes.toString("base64") }],
      }),
    ).toMatchObject({
      kind: "undecodable",
    });
  });
});
