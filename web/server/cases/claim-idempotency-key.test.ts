import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "../testing/database";
import { canonicalJson, claimIdempotencyKey } from "./claim-idempotency-key";

const db = testDb();
afterAll(() => db.$disconnect());

const decide = { action: "decide", stepKey: "household-registration", decision: "approve", reason: "" };

describe("canonicalJson", () => {
  it("writes the same request the same way whatever its key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: "x" } })).toBe(
      canonicalJson({ a: { c: "x", d: [2, { x: 0, y: 1 }] }, b: 1 }),
    );
    expect(canonicalJson({ a: 1, skipped: undefined })).toBe('{"a":1}');
  });
});

describe("claimIdempotencyKey on PostgreSQL", () => {
  it("accepts a key once, answers the same request again as a repeat, and refuses the key for anything else", async () => {
    const key = randomUUID();
    const officer = randomUUID();
    const app = randomUUID();
    expect(await claimIdempotencyKey(db, key, officer, app, decide)).toBe("first");
    expect(
      await claimIdempotencyKey(db, key, officer, app, {
        reason: "",
        decision: "approve",
        stepKey: "household-registration",
        action: "decide",
      }),
    ).toBe("repeat");
    expect(await claimIdempotencyKey(db, key, officer, app, { ...decide, decision: "reject" })).toBe("conflict");
    expect(await claimIdempotencyKey(db, key, randomUUID(), app, decide)).toBe("conflict");
    expect(await claimIdempotencyKey(db, key, officer, randomUUID(), decide)).toBe("conflict");
    const row = await db.idempotencyKey.findUniqueOrThrow({ where: { key } });
    expect(row).toMatchObject({ actorId: officer, applicationId: app });
    expect(row.bodySha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("lets exactly one of two racing first requests win", async () => {
    const key = randomUUID();
    const app = randomUUID();
    const claims = await Promise.all([
      claimIdempotencyKey(db, key, "a", app, decide),
      claimIdempotencyKey(db, key, "a", app, { ...decide, decision: "reject" }),
    ]);
    expect(claims.sort()).toEqual(["conflict", "first"]);
  });
});
