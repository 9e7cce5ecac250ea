import type { KeyObject } from "node:crypto";
import type { Db } from "../client";
import { entryHash } from "./entry-hash";
import { type LedgerVerification, type VerifiedPoint, verifyLedger } from "./verify-ledger";

/**
 * Verifies only what was appended since `remembered` (a point an earlier check of this process
 * passed), so a page can show the chain's state on every view without re-reading the ledger.
 *
 * The remembered entry is re-read first: if it is gone, or its stored hash or its content no
 * longer match, the whole chain is verified instead (to name the first bad place), and if that
 * passes the answer is still "not valid" at the remembered entry — a chain rewritten
 * consistently below a point once verified is itself tampering. So nothing remembered can let
 * a changed entry read as verified for ever.
 *
 * What it cannot see: an edit to an entry *before* the remembered one that leaves the
 * remembered entry intact (its hash covers only its own content and its predecessor's hash as
 * stored). `npm run ledger:verify` and the signed checkpoints catch those.
 */
export async function verifyLedgerSince(
  db: Db,
  remembered: VerifiedPoint | null,
  publicKey?: KeyObject,
): Promise<LedgerVerification> {
  if (!remembered || remembered.seq === 0n) return verifyLedger(db, publicKey);
  const row = await db.accessEvent.findUnique({ where: { seq: remembered.seq } });
  const intact = row !== null && row.hash === remembered.hash && entryHash(row, row.prevHash) === row.hash;
  if (intact) return verifyLedger(db, publicKey, remembered);
  const full = await verifyLedger(db, publicKey);
  if (!full.ok) return full;
  return {
    ok: false,
    seq: remembered.seq,
    kind: row ? "content-changed" : "missing-entry",
    detail: row
      ? `entry ${remembered.seq} differs from when it was verified`
      : `entry ${remembered.seq} was verified before and is gone`,
    checkedAt: full.checkedAt,
  };
}
