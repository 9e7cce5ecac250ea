import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "../testing/database";
import { emailDigest, recordSignIn } from "./record-sign-in";

const db = testDb();
afterAll(() => db.$disconnect());

describe("recordSignIn on PostgreSQL", () => {
  it("records successes and failures with the account when known, a hash of an unknown email, the address and why", async () => {
    const userId = randomUUID();
    const unknown = `Nobody-${randomUUID()}@Example.test`;
    await recordSignIn("mei@demo.visit-once.local", "203.0.113.5", { ok: true, userId, role: "CITIZEN" }, db);
    await recordSignIn("mei@demo.visit-once.local", "203.0.113.5", { ok: false, reason: "wrong-password", userId, role: "CITIZEN" }, db);
    await recordSignIn(unknown, "203.0.113.6", { ok: false, reason: "unknown-account" }, db);
    await recordSignIn(unknown, "203.0.113.6", { ok: false, reason: "locked" }, db);

    const known = await db.auditEntry.findMany({ where: { resource: `account:${userId}` }, orderBy: { id: "asc" } });
    expect(known.map((r) => [r.action, r.actorId, r.allowed, r.detail])).toEqual([
      ["sign-in", userId, true, "success from 203.0.113.5"],
      ["sign-in", userId, false, "wrong-password from 203.0.113.5"],
    ]);
    const hashed = await db.auditEntry.findMany({ where: { resource: `email-sha256:${emailDigest(unknown)}` }, orderBy: { id: "asc" } });
    expect(hashed.map((r) => [r.actorId, r.allowed, r.detail])).toEqual([
      [null, false, "unknown-account from 203.0.113.6"],
      [null, false, "locked from 203.0.113.6"],
    ]);
    expect(await db.auditEntry.count({ where: { OR: [{ resource: { contains: "nobody-", mode: "insensitive" } }, { detail: { contains: "nobody-", mode: "insensitive" } }] } })).toBe(0);
  });
});
