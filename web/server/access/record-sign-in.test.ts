import { randomUUID } from "node:crypto";
import { TEST_CODEC_KEYS } from "@visit-once/workflows/contracts/payload-codec";
import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "../testing/database";
import { addressDigest, emailDigest, recordSignIn } from "./record-sign-in";

// The ledger writer reads the web's env (its signing key: none here, so no checkpoints).
process.env.NEXTAUTH_SECRET ??= "record-sign-in-test-secret";
process.env.VO_TEMPORAL_CODEC_KEYS ??= TEST_CODEC_KEYS;
const db = testDb();
afterAll(() => db.$disconnect());

describe("recordSignIn on PostgreSQL", () => {
  it("records successes and failures with the account when known, a hash of an unknown email, a keyed hash of the address and why", async () => {
    const userId = randomUUID();
    const unknown = `Nobody-${randomUUID()}@Example.test`;
    await recordSignIn("mei@demo.visit-once.local", "203.0.113.5", { ok: true, userId, role: "CITIZEN" }, db);
    await recordSignIn(
      "mei@demo.visit-once.local",
      "203.0.113.5",
      { ok: false, reason: "wrong-password", userId, role: "CITIZEN" },
      db,
    );
    await recordSignIn(unknown, "203.0.113.6", { ok: false, reason: "unknown-account" }, db);
    await recordSignIn(unknown, "203.0.113.6", { ok: false, reason: "locked" }, db);

    const known = await db.auditEntry.findMany({ where: { resource: `account:${userId}` }, orderBy: { id: "asc" } });
    // The address is kept as a keyed hash: the same address, the same hash; never the address.
    const five = addressDigest("203.0.113.5");
    const six = addressDigest("203.0.113.6");
    expect(five).toMatch(/^address-hmac:[0-9a-f]{32}$/);
    expect(six).not.toBe(five);
    expect(known.map((r) => [r.action, r.actorId, r.allowed, r.detail])).toEqual([
      ["sign-in", userId, true, `success from ${five}`],
      ["sign-in", userId, false, `wrong-password from ${five}`],
    ]);
    const hashed = await db.auditEntry.findMany({
      where: { resource: `email-sha256:${emailDigest(unknown)}` },
      orderBy: { id: "asc" },
    });
    expect(hashed.map((r) => [r.actorId, r.allowed, r.detail])).toEqual([
      [null, false, `unknown-account from ${six}`],
      [null, false, `locked from ${six}`],
    ]);
    expect(await db.auditEntry.count({ where: { detail: { contains: "203.0.113." } } })).toBe(0);
    expect(
      await db.auditEntry.count({
        where: {
          OR: [
            { resource: { contains: "nobody-", mode: "insensitive" } },
            { detail: { contains: "nobody-", mode: "insensitive" } },
          ],
        },
      }),
    ).toBe(0);
  });

  it("puts every attempt on the access ledger: the account as actor and subject when known, the outcome, never the email or address", async () => {
    const userId = randomUUID();
    const before = (await db.accessEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;
    await recordSignIn("mei@demo.visit-once.local", "203.0.113.7", { ok: true, userId, role: "CITIZEN" }, db);
    await recordSignIn(
      "mei@demo.visit-once.local",
      "203.0.113.7",
      { ok: false, reason: "wrong-password", userId, role: "CITIZEN" },
      db,
    );
    const mine = await db.accessEvent.findMany({ where: { subjectId: userId }, orderBy: { seq: "asc" } });
    expect(mine.map((e) => [e.action, e.actorId, e.actorRole, e.outcome])).toEqual([
      ["sign-in", userId, "CITIZEN", "success"],
      ["sign-in", userId, "CITIZEN", "wrong-password"],
    ]);
    const unknown = `Nobody-${randomUUID()}@Example.test`;
    await recordSignIn(unknown, "203.0.113.8", { ok: false, reason: "unknown-account" }, db);
    const since = await db.accessEvent.findMany({
      where: { seq: { gt: before }, action: "sign-in", actorId: null, outcome: "unknown-account" },
    });
    expect(since.length).toBeGreaterThanOrEqual(1);
    const text = JSON.stringify(await db.accessEvent.findMany({ where: { seq: { gt: before } } }), (_, v: unknown) =>
      typeof v === "bigint" ? String(v) : v,
    );
    expect(text).not.toMatch(/nobody-|203\.0\.113|mei@/i);
  });
});
