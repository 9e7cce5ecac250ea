import type { Db } from "@visit-once/prisma";
import { type LedgerVerification, type VerifiedPoint, verifyLedgerSince } from "@visit-once/prisma/ledger";
import { env } from "@/env";
import { db as defaultDb } from "../db";

/**
 * How far this process has seen each database's chain verified. In memory on purpose: a row in
 * the database could be rewritten by whoever rewrites the ledger, this process's memory cannot.
 * A restart simply verifies the whole chain once more.
 */
const verifiedUpTo = new WeakMap<Db, VerifiedPoint>();

/**
 * The chain's state for the pages that show it (the admin's ledger, the citizen's "who used my
 * data"): only the entries appended since the last check are verified, after re-checking the
 * entry that check ended on (see `verifyLedgerSince` for what that cannot see; the full check is
 * `npm run ledger:verify`). A failed check is never remembered, so it fails again on every view.
 */
export async function ledgerState(db: Db = defaultDb()): Promise<LedgerVerification> {
  const state = await verifyLedgerSince(db, verifiedUpTo.get(db) ?? null, env().ledgerKey?.publicKey);
  const known = verifiedUpTo.get(db);
  if (state.ok && state.upToSeq > 0n && (!known || state.upToSeq >= known.seq)) {
    verifiedUpTo.set(db, { seq: state.upToSeq, hash: state.upToHash, at: state.upToAt });
  }
  return state;
}
