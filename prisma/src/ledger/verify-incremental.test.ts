import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { ledgerTestDatabases, tamper } from "../testing/ledger-databases";
import { appendAccessEvents } from "./append-access-events";
import { entryHash } from "./entry-hash";
import { generateLedgerKeyPem, parseLedgerKey } from "./signing-key";
import { verifyLedgerSince } from "./verify-incremental";
import { type VerifiedPoint, verifyLedger } from "./verify-ledger";

// One sound ledger of 20 entries (a signed checkpoint every 5), verified once; each case copies it.
const databases = ledgerTestDatabases();
const key = parseLedgerKey(generateLedgerKeyPem());
let soundUrl = "";
let point: VerifiedPoint;

const append = (db: Db, from: number, to: number) =>
  (async () => {
    for (let i = from; i <= to; i++) {
      await appendAccessEvents(
        db,
        [
          {
            actor: { id: "officer-1", role: "OFFICER", office: "health" },
            subjectId: `citizen-${i}`,
            action: "staff-view",
            outcome: "allowed",
            requestId: `r-${i}`,
          },
        ],
        {
          key,
          checkpointEvery: 5,
        },
      );
    }
  })();

beforeAll(async () => {
  const { db, url } = await databases.fresh();
  await append(db, 1, 20);
  const full = await verifyLedger(db, key.publicKey);
  if (!full.ok) throw new Error("the sound ledger does not verify");
  point = { seq: full.upToSeq, hash: full.upToHash, at: full.upToAt };
  await db.$disconnect();
  soundUrl = url;
}, 60_000);
// Dropping the copies waits for their connections to close: more than the default 10 s on a busy machine.
afterAll(() => databases.dropAll(), 60_000);

describe("verifyLedgerSince on PostgreSQL", () => {
  it("verifies only what came after the remembered entry, and answers for the whole chain", async () => {
    const { db } = await databases.copy(soundUrl);
    await append(db, 21, 27);
    const v = await verifyLedgerSince(db, point, key.publicKey);
    expect(v).toMatchObject({ ok: true, entries: 27, upToSeq: 27n, checkpoints: 5, signaturesChecked: true });
    const last = await db.accessEvent.findUniqueOrThrow({ where: { seq: 27n } });
    expect(v).toMatchObject({ upToHash: last.hash, upToAt: last.at });
    // Nothing new: the same answer from the same point.
    expect(await verifyLedgerSince(db, point, key.publicKey)).toMatchObject({ ok: true, upToSeq: 27n });
    // No point yet: the whole chain.
    expect(await verifyLedgerSince(db, null, key.publicKey)).toMatchObject({ ok: true, entries: 27, checkpoints: 5 });
  });

  it("names a bad entry appended after the remembered one", async () => {
    const { db, url } = await databases.copy(soundUrl);
    await append(db, 21, 23);
    await tamper(url, `UPDATE "AccessEvent" SET "subjectId" = 'someone-else' WHERE seq = 22`);
    expect(await verifyLedgerSince(db, point, key.publicKey)).toMatchObject({
      ok: false,
      seq: 22n,
      kind: "content-changed",
    });
  });

  it("re-checks the remembered entry itself: edited, it reads as not valid (found by the full check)", async () => {
    const { db, url } = await databases.copy(soundUrl);
    await tamper(url, `UPDATE "AccessEvent" SET "subjectId" = 'someone-else' WHERE seq = 20`);
    expect(await verifyLedgerSince(db, point, key.publicKey)).toMatchObject({
      ok: false,
      seq: 20n,
      kind: "content-changed",
    });
  });

  it("a remembered entry cut off, where no checkpoint vouches for it, is still missing", async () => {
    const { db, url } = await databases.copy(soundUrl);
    await append(db, 21, 22);
    const v = await verifyLedger(db, key.publicKey);
    if (!v.ok) throw new Error("unexpected");
    const later = { seq: v.upToSeq, hash: v.upToHash, at: v.upToAt };
    await tamper(url, `DELETE FROM "AccessEvent" WHERE seq > 20`);
    // The full check alone sees a sound chain of 20; what this process verified before says otherwise.
    expect(await verifyLedger(db, key.publicKey)).toMatchObject({ ok: true, upToSeq: 20n });
    expect(await verifyLedgerSince(db, later, key.publicKey)).toMatchObject({
      ok: false,
      seq: 22n,
      kind: "missing-entry",
    });
  });

  it("a chain rewritten consistently below the remembered entry (checkpoints dropped) reads as changed there", async () => {
    const { db, url } = await databases.copy(soundUrl);
    const rows = await db.accessEvent.findMany({ orderBy: { seq: "asc" } });
    let prev = rows[5]!.hash;
    const statements = [`DELETE FROM "LedgerCheckpoint"`];
    for (const row of rows.slice(6)) {
      const content = row.seq === 7n ? { ...row, subjectId: "someone-else" } : row;
      const hash = entryHash(content, prev);
      statements.push(
        `UPDATE "AccessEvent" SET "subjectId" = '${content.subjectId}', "prevHash" = '${prev}', hash = '${hash}' WHERE seq = ${row.seq}`,
      );
      prev = hash;
    }
    await tamper(url, statements.join(";"));
    expect(await verifyLedger(db, key.publicKey)).toMatchObject({ ok: true, upToSeq: 20n });
    expect(await verifyLedgerSince(db, point, key.publicKey)).toMatchObject({
      ok: false,
      seq: 20n,
      kind: "content-changed",
    });
  });

  it("cannot see an edit before the remembered entry that leaves it intact: the full check does", async () => {
    const { db, url } = await databases.copy(soundUrl);
    await tamper(url, `UPDATE "AccessEvent" SET "subjectId" = 'someone-else' WHERE seq = 7`);
    expect(await verifyLedgerSince(db, point, key.publicKey)).toMatchObject({ ok: true, upToSeq: 20n });
    expect(await verifyLedger(db, key.publicKey)).toMatchObject({ ok: false, seq: 7n, kind: "content-changed" });
  });
});
