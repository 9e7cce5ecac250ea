import type { KeyObject } from "node:crypto";
import type { Db } from "../client";
import { entryHash, GENESIS_HASH } from "./entry-hash";
import { checkpointSignatureValid } from "./signing-key";

/** What can be wrong at a place in the chain. */
export type LedgerProblemKind =
  | "content-changed"
  | "missing-entry"
  | "reordered"
  | "inserted"
  | "checkpoint-signature-bad"
  | "truncated-after-checkpoint";

export type LedgerVerification =
  | {
      ok: true;
      entries: number;
      upToSeq: bigint;
      /** The last verified entry's hash and time (null for an empty ledger): where the next, incremental check may start. */
      upToHash: string;
      upToAt: Date | null;
      checkpoints: number;
      signaturesChecked: boolean;
      checkedAt: Date;
    }
  | { ok: false; seq: bigint; kind: LedgerProblemKind; detail: string; checkedAt: Date };

const PAGE = 5000;

/** An entry the chain was verified up to: a later check may start after it (see ./verify-incremental). */
export interface VerifiedPoint {
  seq: bigint;
  hash: string;
  at: Date | null;
}

/**
 * Recomputes the whole chain from the first entry and checks every checkpoint (its signature
 * with `publicKey`, and that it names the hash the chain has at its seq). Stops at the FIRST
 * bad place and says what is wrong there. Without a key the signatures are not checked (said
 * in the answer), but the checkpoints' hashes still are.
 *
 * `from` (trusted, e.g. a point this process verified before) starts the walk after that entry,
 * checking only the entries and checkpoints after it; `verifyLedgerSince` re-checks the point first.
 */
export async function verifyLedger(db: Db, publicKey?: KeyObject, from?: VerifiedPoint): Promise<LedgerVerification> {
  const checkedAt = new Date();
  const bad = (seq: bigint, kind: LedgerProblemKind, detail: string): LedgerVerification => ({
    ok: false,
    seq,
    kind,
    detail,
    checkedAt,
  });
  const after = from?.seq ?? 0n;
  const [checkpoints, earlierCheckpoints] = await Promise.all([
    db.ledgerCheckpoint.findMany({ where: { seq: { gt: after } }, orderBy: { seq: "asc" } }),
    after > 0n ? db.ledgerCheckpoint.count({ where: { seq: { lte: after } } }) : Promise.resolve(0),
  ]);
  let next = 0;
  let expected = after + 1n;
  let prevHash = from?.hash ?? GENESIS_HASH;
  let lastAt = from?.at ?? null;
  for (;;) {
    const rows = await db.accessEvent.findMany({
      where: { seq: { gte: expected } },
      orderBy: { seq: "asc" },
      take: PAGE,
    });
    for (const row of rows) {
      if (row.seq !== expected) {
        return bad(
          expected,
          "missing-entry",
          `entries ${expected}–${row.seq - 1n} are missing (the next entry is ${row.seq})`,
        );
      }
      if (row.prevHash !== prevHash) {
        // Where does this entry's link point? Later: moved. Further back: something was put in between. Nowhere: its predecessor is gone.
        const linked = await db.accessEvent.findFirst({ where: { hash: row.prevHash }, select: { seq: true } });
        if (linked && linked.seq > row.seq)
          return bad(
            row.seq,
            "reordered",
            `entry ${row.seq} was written after entry ${linked.seq}, but stands before it`,
          );
        if (linked)
          return bad(
            linked.seq + 1n,
            "inserted",
            `entry ${linked.seq + 1n} was not in the chain: entry ${row.seq} follows entry ${linked.seq}`,
          );
        return bad(row.seq, "missing-entry", `the entry before ${row.seq} is missing (its link points to no entry)`);
      }
      if (entryHash(row, row.prevHash) !== row.hash)
        return bad(row.seq, "content-changed", `entry ${row.seq}'s content does not match its hash`);
      while (next < checkpoints.length && checkpoints[next]!.seq === row.seq) {
        const cp = checkpoints[next]!;
        if (publicKey && !checkpointSignatureValid(publicKey, cp.seq, cp.hash, cp.at, cp.signature)) {
          return bad(
            cp.seq,
            "checkpoint-signature-bad",
            `the checkpoint at entry ${cp.seq} is not signed by the ledger's key`,
          );
        }
        if (cp.hash !== row.hash)
          return bad(
            cp.seq,
            "content-changed",
            `the chain up to entry ${cp.seq} differs from what its signed checkpoint recorded`,
          );
        next += 1;
      }
      prevHash = row.hash;
      lastAt = row.at;
      expected += 1n;
    }
    if (rows.length < PAGE) break;
  }
  const beyond = checkpoints[next];
  if (beyond)
    return bad(
      expected,
      "truncated-after-checkpoint",
      `the chain ends at entry ${expected - 1n}, but a signed checkpoint vouches for entry ${beyond.seq}`,
    );
  return {
    ok: true,
    entries: Number(expected - 1n),
    upToSeq: expected - 1n,
    upToHash: prevHash,
    upToAt: lastAt,
    checkpoints: earlierCheckpoints + checkpoints.length,
    signaturesChecked: Boolean(publicKey),
    checkedAt,
  };
}

/** One line for people: "N entries verified up to seq X" or the first bad place. */
export function describeVerification(v: LedgerVerification): string {
  if (!v.ok) return `ledger NOT valid at seq ${v.seq}: ${v.kind} — ${v.detail}`;
  const checkpoints = `${v.checkpoints} signed checkpoint${v.checkpoints === 1 ? "" : "s"}`;
  return `${v.entries} entries verified up to seq ${v.upToSeq} (${checkpoints}${v.signaturesChecked ? "" : ", signatures not checked: no key"})`;
}
