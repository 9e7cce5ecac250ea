import type { Db } from "@visit-once/prisma";
import { type LedgerVerification, verifyLedger } from "@visit-once/prisma/ledger";
import { env } from "@/env";
import { db as defaultDb } from "../db";

/**
 * The chain's state for the admin page: the whole chain recomputed and every checkpoint's
 * signature checked with the configured key (the same check as `npm run ledger:verify`).
 */
export function ledgerState(db: Db = defaultDb()): Promise<LedgerVerification> {
  return verifyLedger(db, env().ledgerKey?.publicKey);
}
