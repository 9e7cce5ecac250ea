import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAccessEvents } from "./append-access-events";
import { entryHash } from "./entry-hash";
import { generateLedgerKeyPem, parseLedgerKey, signCheckpoint } from "./signing-key";
import { ledgerTestDatabases, tamper } from "../testing/ledger-databases";
import { describeVerification, verifyLedger } from "./verify-ledger";

// Each case tampers with a copy of one sound ledger: 20 entries, a signed checkpoint every 5.
const databases = ledgerTestDatabases();
const key = parseLedgerKey(generateLedgerKeyPem());
let soundUrl = "";

beforeAll(async () => {
  const { db, url } = await databases.fresh();
  for (let i = 1; i <= 20; i++) {
    await appendAccessEvents(
      db,
      [
        {
          actor: { id: "officer-1", role: "OFFICER", office: "health" },
          subjectId: `citizen-${i}`,
          action: "staff-view",
          recordTypes: ["birth-certificate"],
          outcome: "allowed",
          requestId: `r-${i}`,
        },
      ],
      { key, checkpointEvery: 5 },
    );
  }
  await db.$disconnect();
  soundUrl = url;
}, 60_000);
// Dropping the copies waits for their connections to close: more than the default 10 s on a busy machine.
afterAll(() => databases.dropAll(), 60_000);

async function tampered(sql: string, params: unknown[] = []) {
  const { db, url } = await databases.copy(soundUrl);
  await tamper(url, sql, params);
  return verifyLedger(db, key.publicKey);
}

describe("verifyLedger on PostgreSQL, after a superuser tampers with the rows", () => {
  it("passes the sound ledger and says how far", async () => {
    const { db } = await databases.copy(soundUrl);
    const v = await verifyLedger(db, key.publicKey);
    expect(v).toMatchObject({ ok: true, entries: 20, upToSeq: 20n, checkpoints: 4, signaturesChecked: true });
    expect(describeVerification(v)).toBe("20 entries verified up to seq 20 (4 signed checkpoints)");
  });

  it("names an edited entry", async () => {
    expect(await tampered(`UPDATE "AccessEvent" SET "subjectId" = 'someone-else' WHERE seq = 7`)).toMatchObject({
      ok: false,
      seq: 7n,
      kind: "content-changed",
    });
  });

  it("names a deleted entry, left as a gap", async () => {
    expect(await tampered(`DELETE FROM "AccessEvent" WHERE seq = 7`)).toMatchObject({
      ok: false,
      seq: 7n,
      kind: "missing-entry",
    });
  });

  it("names a deleted entry whose gap was closed by renumbering", async () => {
    const v = await tampered(
      `DELETE FROM "AccessEvent" WHERE seq = 7; UPDATE "AccessEvent" SET seq = seq - 1 WHERE seq > 7`,
    );
    expect(v).toMatchObject({ ok: false, seq: 7n, kind: "missing-entry" });
  });

  it("names two entries swapped", async () => {
    const v = await tampered(
      `UPDATE "AccessEvent" SET seq = -1 WHERE seq = 7; UPDATE "AccessEvent" SET seq = 7 WHERE seq = 8; UPDATE "AccessEvent" SET seq = 8 WHERE seq = -1`,
    );
    expect(v).toMatchObject({ ok: false, seq: 7n, kind: "reordered" });
  });

  it("names an entry slipped in between, even with a correct hash of its own", async () => {
    const { db, url } = await databases.copy(soundUrl);
    const before = await db.accessEvent.findUniqueOrThrow({ where: { seq: 6n } });
    const forged = { ...before, seq: 7n, subjectId: "forged", requestId: "forged", prevHash: before.hash };
    const hash = entryHash(forged, forged.prevHash);
    await tamper(
      url,
      `UPDATE "AccessEvent" SET seq = seq + 1000 WHERE seq >= 7; UPDATE "AccessEvent" SET seq = seq - 999 WHERE seq > 1000;
       INSERT INTO "AccessEvent" (seq, at, "actorId", "actorRole", "actorOffice", "subjectId", action, "recordTypes", fields, outcome, "requestId", "prevHash", hash)
       SELECT 7, at, "actorId", "actorRole", "actorOffice", 'forged', action, "recordTypes", fields, outcome, 'forged', hash, '${hash}' FROM "AccessEvent" WHERE seq = 6`,
    );
    expect(await verifyLedger(db, key.publicKey)).toMatchObject({ ok: false, seq: 7n, kind: "inserted" });
  });

  it("names the end of a chain cut short after a signed checkpoint", async () => {
    expect(await tampered(`DELETE FROM "AccessEvent" WHERE seq >= 13`)).toMatchObject({
      ok: false,
      seq: 13n,
      kind: "truncated-after-checkpoint",
    });
    expect(await tampered(`TRUNCATE "AccessEvent"`)).toMatchObject({
      ok: false,
      seq: 1n,
      kind: "truncated-after-checkpoint",
    });
  });

  it("names a checkpoint not signed by the ledger's key", async () => {
    const other = parseLedgerKey(generateLedgerKeyPem());
    const { db, url } = await databases.copy(soundUrl);
    const cp = await db.ledgerCheckpoint.findUniqueOrThrow({ where: { seq: 10n } });
    await tamper(url, `UPDATE "LedgerCheckpoint" SET signature = $1 WHERE seq = 10`, [
      signCheckpoint(other, cp.seq, cp.hash, cp.at),
    ]);
    expect(await verifyLedger(db, key.publicKey)).toMatchObject({
      ok: false,
      seq: 10n,
      kind: "checkpoint-signature-bad",
    });
  });

  it("names a rewritten chain (every hash recomputed after an edit) at the first checkpoint that disagrees", async () => {
    const { db, url } = await databases.copy(soundUrl);
    const rows = await db.accessEvent.findMany({ orderBy: { seq: "asc" } });
    let prev = rows[5]!.hash;
    const statements: string[] = [];
    for (const row of rows.slice(6)) {
      const content = row.seq === 7n ? { ...row, subjectId: "someone-else" } : row;
      const hash = entryHash(content, prev);
      statements.push(
        `UPDATE "AccessEvent" SET "subjectId" = '${content.subjectId}', "prevHash" = '${prev}', hash = '${hash}' WHERE seq = ${row.seq}`,
      );
      prev = hash;
    }
    await tamper(url, statements.join(";"));
    expect(await verifyLedger(db, key.publicKey)).toMatchObject({ ok: false, seq: 10n, kind: "content-changed" });
  });
});
