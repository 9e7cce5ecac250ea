// `npm run ledger:verify` as an operator runs it: a process with DATABASE_URL and the key,
// on real PostgreSQL; exit 0 with how far, exit 1 naming the first bad place.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { appendAccessEvents, entryHash, generateLedgerKeyPem, parseLedgerKey } from "@visit-once/prisma/ledger";
import { ledgerTestDatabases, tamper } from "@visit-once/prisma/testing/ledger-databases";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./paths";

const databases = ledgerTestDatabases();
// Dropping a dozen databases takes longer than the default 10 s on a busy server.
afterAll(() => databases.dropAll(), 60_000);
const pem = generateLedgerKeyPem();

async function verify(databaseUrl: string): Promise<{ code: number; out: string }> {
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  try {
    const { stdout } = await promisify(execFile)(tsx, [path.join(ROOT, "workers/stack/src/ledger-verify.ts")], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl, VO_LEDGER_SIGNING_KEY: pem },
    });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

describe("npm run ledger:verify", () => {
  it("says how far a sound chain is verified, then names an edited entry and exits 1", async () => {
    const { db, url } = await databases.fresh();
    const entries = Array.from({ length: 12 }, (_, i) => ({
      actor: null,
      subjectId: `c${i}`,
      action: "sign-in" as const,
      outcome: "unknown-account",
    }));
    await appendAccessEvents(db, entries, { key: parseLedgerKey(pem), checkpointEvery: 5 });
    expect(await verify(url)).toEqual({ code: 0, out: "12 entries verified up to seq 12 (1 signed checkpoint)\n" });

    await tamper(url, `UPDATE "AccessEvent" SET outcome = 'success' WHERE seq = 4`);
    const bad = await verify(url);
    expect(bad.code).toBe(1);
    expect(bad.out).toBe("ledger NOT valid at seq 4: content-changed — entry 4's content does not match its hash\n");
  }, 60_000);

  // The list, each done directly in PostgreSQL as a superuser past the triggers, on a
  // copy of one sound ledger (12 entries in separate appends, a signed checkpoint every 5):
  // the command exits 1 and its one line names the place and what happened there.
  describe("names the place of each kind of tampering", () => {
    let soundUrl = "";
    beforeAll(async () => {
      const { db, url } = await databases.fresh();
      for (let i = 1; i <= 12; i++) {
        await appendAccessEvents(
          db,
          [{ actor: null, subjectId: `c${i}`, action: "sign-in", outcome: "success", requestId: `r${i}` }],
          {
            key: parseLedgerKey(pem),
            checkpointEvery: 5,
          },
        );
      }
      await db.$disconnect();
      soundUrl = url;
    }, 60_000);

    it.each([
      [
        "an edited entry",
        `UPDATE "AccessEvent" SET "subjectId" = 'someone-else' WHERE seq = 7`,
        "seq 7: content-changed — entry 7's content does not match its hash",
      ],
      [
        "a deleted entry",
        `DELETE FROM "AccessEvent" WHERE seq = 7`,
        "seq 7: missing-entry — entries 7–7 are missing (the next entry is 8)",
      ],
      [
        "two entries swapped",
        `UPDATE "AccessEvent" SET seq = -1 WHERE seq = 7; UPDATE "AccessEvent" SET seq = 7 WHERE seq = 8; UPDATE "AccessEvent" SET seq = 8 WHERE seq = -1`,
        "seq 7: reordered — entry 7 was written after entry 8, but stands before it",
      ],
      [
        "a truncated ledger",
        `TRUNCATE "AccessEvent"`,
        "seq 1: truncated-after-checkpoint — the chain ends at entry 0, but a signed checkpoint vouches for entry 5",
      ],
    ])(
      "%s",
      async (_what, sql, place) => {
        const { db, url } = await databases.copy(soundUrl);
        await db.$disconnect();
        await tamper(url, sql);
        expect(await verify(url)).toEqual({ code: 1, out: `ledger NOT valid at ${place}\n` });
      },
      60_000,
    );

    it("an entry slipped in between, with a correct hash of its own", async () => {
      const { db, url } = await databases.copy(soundUrl);
      const before = await db.accessEvent.findUniqueOrThrow({ where: { seq: 6n } });
      await db.$disconnect();
      const forged = { ...before, seq: 7n, subjectId: "forged", requestId: "forged" };
      await tamper(
        url,
        `UPDATE "AccessEvent" SET seq = seq + 1000 WHERE seq >= 7; UPDATE "AccessEvent" SET seq = seq - 999 WHERE seq > 1000;
         INSERT INTO "AccessEvent" (seq, at, "subjectId", action, outcome, "requestId", "prevHash", hash)
         SELECT 7, at, 'forged', action, outcome, 'forged', hash, '${entryHash(forged, before.hash)}' FROM "AccessEvent" WHERE seq = 6`,
      );
      expect(await verify(url)).toEqual({
        code: 1,
        out: "ledger NOT valid at seq 7: inserted — entry 7 was not in the chain: entry 8 follows entry 6\n",
      });
    }, 60_000);
  });
});
