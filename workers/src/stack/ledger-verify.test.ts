// `npm run ledger:verify` as an operator runs it: a process with DATABASE_URL and the key,
// on real PostgreSQL; exit 0 with how far, exit 1 naming the first bad place.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { appendAccessEvents, generateLedgerKeyPem, parseLedgerKey } from "@visit-once/prisma/ledger";
import { ledgerTestDatabases, tamper } from "@visit-once/prisma/testing/ledger-databases";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "./paths";

const databases = ledgerTestDatabases();
afterAll(() => databases.dropAll());
const pem = generateLedgerKeyPem();

async function verify(databaseUrl: string): Promise<{ code: number; out: string }> {
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  try {
    const { stdout } = await promisify(execFile)(tsx, [path.join(ROOT, "workers/src/stack/ledger-verify.ts")], {
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
    const entries = Array.from({ length: 12 }, (_, i) => ({ actor: null, subjectId: `c${i}`, action: "sign-in" as const, outcome: "unknown-account" }));
    await appendAccessEvents(db, entries, { key: parseLedgerKey(pem), checkpointEvery: 5 });
    expect(await verify(url)).toEqual({ code: 0, out: "12 entries verified up to seq 12 (1 signed checkpoint)\n" });

    await tamper(url, `UPDATE "AccessEvent" SET outcome = 'success' WHERE seq = 4`);
    const bad = await verify(url);
    expect(bad.code).toBe(1);
    expect(bad.out).toBe("ledger NOT valid at seq 4: content-changed — entry 4's content does not match its hash\n");
  }, 60_000);
});
