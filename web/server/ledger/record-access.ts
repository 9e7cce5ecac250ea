import type { Db } from "@visit-once/prisma";
import {
  type AccessEventInput,
  appendAccessEvents,
  appendAccessEventsInTransaction,
  type Tx,
} from "@visit-once/prisma/ledger";
import { env } from "@/env";
import { db as defaultDb } from "../db";

/**
 * The web's one way onto the access ledger: every page, route or action that uses a citizen's
 * data (or signs someone in) calls this with what it used and why. Checkpoints are signed with
 * the configured key.
 */
export async function recordAccess(entries: AccessEventInput[], db: Db = defaultDb()): Promise<void> {
  await appendAccessEvents(db, entries, { key: env().ledgerKey });
}

/** The same, inside the caller's transaction (the entry commits exactly when the access does). */
export async function recordAccessInTransaction(tx: Tx, entries: AccessEventInput[]): Promise<void> {
  await appendAccessEventsInTransaction(tx, entries, { key: env().ledgerKey });
}
