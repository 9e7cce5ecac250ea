import { afterAll, describe, expect, it } from "vitest";
import { createPrisma } from "../client";
import { appendAccessEvents, type AccessEventInput } from "./append-access-events";
import { checkpointSignatureValid, generateLedgerKeyPem, parseLedgerKey } from "./signing-key";
import { ledgerTestDatabases } from "../testing/ledger-databases";
import { verifyLedger } from "./verify-ledger";

const databases = ledgerTestDatabases();
afterAll(() => databases.dropAll());
const key = parseLedgerKey(generateLedgerKeyPem());

const signIn = (i: number, extra: Partial<AccessEventInput> = {}): AccessEventInput => ({
  actor: { id: `account-${i}`, role: "CITIZEN", office: null },
  subjectId: `account-${i}`,
  action: "sign-in",
  outcome: "success",
  requestId: `request-${i}`,
  ...extra,
});

describe("appendAccessEvents on PostgreSQL", () => {
  it("keeps one linear chain under 200 concurrent writers from two clients, with signed checkpoints", async () => {
    const { db, url } = await databases.fresh();
    const other = createPrisma(url);
    try {
      const writes = Array.from({ length: 200 }, (_, i) =>
        appendAccessEvents(i % 2 === 0 ? db : other, i % 10 === 0 ? [signIn(i), signIn(i + 1000)] : [signIn(i)], {
          key,
          checkpointEvery: 50,
        }),
      );
      const seqs = (await Promise.all(writes)).flat();
      expect(seqs).toHaveLength(220);
      expect(new Set(seqs).size).toBe(220);
      expect(seqs.map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: 220 }, (_, i) => i + 1));

      const verification = await verifyLedger(db, key.publicKey);
      expect(verification).toMatchObject({ ok: true, entries: 220, upToSeq: 220n, signaturesChecked: true });
      const checkpoints = await db.ledgerCheckpoint.findMany({ orderBy: { seq: "asc" } });
      // One per 50 entries at least; a batch may carry the count past a multiple.
      expect(checkpoints.length).toBeGreaterThanOrEqual(4);
      for (const cp of checkpoints) {
        expect(checkpointSignatureValid(key.publicKey, cp.seq, cp.hash, cp.at, cp.signature)).toBe(true);
        expect(cp.keyId).toBe(key.keyId);
      }
      const links = await db.accessEvent.findMany({
        orderBy: { seq: "asc" },
        select: { seq: true, prevHash: true, hash: true },
      });
      for (let i = 1; i < links.length; i++) expect(links[i]!.prevHash).toBe(links[i - 1]!.hash);
    } finally {
      await other.$disconnect();
    }
  }, 60_000);

  it("appends an entry once however often the same idempotency key is written, also concurrently", async () => {
    const { db } = await databases.fresh();
    const entry = signIn(1, { action: "department-fetch", idempotencyKey: "fetch:case-1:identity:abc" });
    const results = await Promise.all(Array.from({ length: 5 }, () => appendAccessEvents(db, [entry, entry])));
    expect(results.flat()).toEqual([1n]);
    expect(await db.accessEvent.count()).toBe(1);
  });

  it("writes a checkpoint on the first append some minutes after the last one", async () => {
    const { db } = await databases.fresh();
    await appendAccessEvents(db, [signIn(1)], { key, checkpointEvery: 1 });
    await appendAccessEvents(db, [signIn(2)], { key, checkpointEvery: 100, checkpointMinutes: 5 });
    expect(await db.ledgerCheckpoint.count()).toBe(1);
    await appendAccessEvents(db, [signIn(3)], { key, checkpointEvery: 100, checkpointMinutes: 0 });
    expect((await db.ledgerCheckpoint.findMany({ orderBy: { seq: "asc" } })).map((c) => c.seq)).toEqual([1n, 3n]);
  });

  it("refuses UPDATE, DELETE and TRUNCATE of entries and checkpoints, even for the superuser", async () => {
    const { db } = await databases.fresh();
    await appendAccessEvents(db, [signIn(1)], { key, checkpointEvery: 1 });
    for (const sql of [
      `UPDATE "AccessEvent" SET "outcome" = 'refused'`,
      `DELETE FROM "AccessEvent"`,
      `TRUNCATE "AccessEvent"`,
      `UPDATE "LedgerCheckpoint" SET "signature" = ''`,
      `DELETE FROM "LedgerCheckpoint"`,
      `TRUNCATE "LedgerCheckpoint"`,
    ]) {
      await expect(db.$executeRawUnsafe(sql), sql).rejects.toThrow(/append-only/);
    }
    expect(await db.accessEvent.findMany({ select: { seq: true, outcome: true } })).toEqual([
      { seq: 1n, outcome: "success" },
    ]);
    expect(await db.ledgerCheckpoint.count()).toBe(1);
    expect((await verifyLedger(db, key.publicKey)).ok).toBe(true);
  });
});
