import type { Db } from "../client";
import type { Prisma } from "../../generated/client";
import { type EntryContent, entryHash, GENESIS_HASH } from "./entry-hash";
import { type LedgerKey, signCheckpoint } from "./signing-key";

/** What kind of use an entry records. */
export const ACCESS_ACTIONS = [
  "department-fetch",
  "staff-view",
  "document-download",
  "reveal",
  "export",
  "admin-search",
  "sign-in",
  "codec-decode",
  "certificate-reuse",
] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** One access, as the code that made it describes it. Whose data is an account id, never an identity number. */
export interface AccessEventInput {
  /** Who: the signed-in account, or null for the system itself (e.g. the orchestrator fetching for a case). */
  actor: { id: string | null; role: string | null; office: string | null } | null;
  subjectId: string | null;
  action: AccessAction;
  /** The office whose records were used, for a department fetch. */
  department?: string | null;
  recordTypes?: string[];
  fields?: string[];
  purpose?: string | null;
  legalBasis?: string | null;
  serviceCode?: string | null;
  applicationId?: string | null;
  consent?: string | null;
  requestId?: string | null;
  /** The same key twice appends once: a retried activity or request passes the same key. */
  idempotencyKey?: string | null;
  /** e.g. `allowed`, `refused`, `success`, `wrong-password`. */
  outcome: string;
}

export interface LedgerOptions {
  /** Signs checkpoints; without it (tests, development without the launcher) the chain is written unsigned. */
  key?: LedgerKey;
  /** A checkpoint after this many entries … */
  checkpointEvery?: number;
  /** … or on the first write this many minutes after the last one. */
  checkpointMinutes?: number;
}

export type Tx = Prisma.TransactionClient;

/** One lock for the whole ledger: appends are serialised so the chain stays a line. */
const LEDGER_LOCK_SQL = "SELECT pg_advisory_xact_lock(7431100001)";

/**
 * The one way an entry gets into the access ledger: appends the entries in their own
 * transaction. Use `appendAccessEventsInTransaction` to append in the same transaction as the
 * access itself (then the entry exists exactly when the access happened).
 */
export async function appendAccessEvents(
  db: Db,
  entries: AccessEventInput[],
  options: LedgerOptions = {},
): Promise<bigint[]> {
  if (entries.length === 0) return [];
  // Writers queue on the lock; under a burst they wait longer than Prisma's 2 s/5 s defaults.
  return db.$transaction((tx) => appendAccessEventsInTransaction(tx, entries, options), {
    maxWait: 60_000,
    timeout: 60_000,
  });
}

/** Appends inside the caller's transaction; returns the new entries' seq (none for a repeated idempotency key). */
export async function appendAccessEventsInTransaction(
  tx: Tx,
  entries: AccessEventInput[],
  options: LedgerOptions = {},
): Promise<bigint[]> {
  if (entries.length === 0) return [];
  // A repeat of what is already there (a page re-reading itself) is answered without queueing on the lock.
  if (entries.every((e) => e.idempotencyKey) && (await withoutRepeats(tx, entries)).length === 0) return [];
  // Held until commit, so the last hash read below is still the last when this commits.
  await tx.$executeRawUnsafe(LEDGER_LOCK_SQL);
  const fresh = await withoutRepeats(tx, entries);
  if (fresh.length === 0) return [];
  const last = await tx.accessEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  let seq = last?.seq ?? 0n;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const rows = fresh.map((e) => {
    const content = contentOf(e, at);
    seq += 1n;
    const hash = entryHash(content, prevHash);
    const row = { ...content, seq, prevHash, hash };
    prevHash = hash;
    return row;
  });
  await tx.accessEvent.createMany({ data: rows });
  if (options.key) await checkpointIfDue(tx, seq, prevHash, at, options);
  return rows.map((r) => r.seq);
}

async function withoutRepeats(tx: Tx, entries: AccessEventInput[]): Promise<AccessEventInput[]> {
  const keys = entries.map((e) => e.idempotencyKey).filter((k): k is string => Boolean(k));
  if (keys.length === 0) return entries;
  const seen = new Set(
    (await tx.accessEvent.findMany({ where: { idempotencyKey: { in: keys } }, select: { idempotencyKey: true } })).map(
      (r) => r.idempotencyKey,
    ),
  );
  return entries.filter((e) => {
    if (!e.idempotencyKey) return true;
    if (seen.has(e.idempotencyKey)) return false;
    seen.add(e.idempotencyKey);
    return true;
  });
}

function contentOf(e: AccessEventInput, at: Date): EntryContent {
  return {
    at,
    actorId: e.actor?.id ?? null,
    actorRole: e.actor?.role ?? null,
    actorOffice: e.actor?.office ?? null,
    subjectId: e.subjectId,
    action: e.action,
    department: e.department ?? null,
    recordTypes: e.recordTypes ?? [],
    fields: e.fields ?? [],
    purpose: e.purpose ?? null,
    legalBasis: e.legalBasis ?? null,
    serviceCode: e.serviceCode ?? null,
    applicationId: e.applicationId ?? null,
    consent: e.consent ?? null,
    requestId: e.requestId ?? null,
    idempotencyKey: e.idempotencyKey ?? null,
    outcome: e.outcome,
  };
}

async function checkpointIfDue(
  tx: Tx,
  seq: bigint,
  hash: string,
  at: Date,
  options: LedgerOptions & { key?: LedgerKey },
): Promise<void> {
  const every = BigInt(options.checkpointEvery ?? 100);
  const minutes = options.checkpointMinutes ?? 5;
  const lastCheckpoint = await tx.ledgerCheckpoint.findFirst({
    orderBy: { seq: "desc" },
    select: { seq: true, at: true },
  });
  const since = seq - (lastCheckpoint?.seq ?? 0n);
  const byCount = since >= every;
  const byTime =
    lastCheckpoint !== null && since > 0n && at.getTime() - lastCheckpoint.at.getTime() >= minutes * 60_000;
  if (!byCount && !byTime) return;
  const key = options.key!;
  await tx.ledgerCheckpoint.create({
    data: { seq, hash, at, signature: signCheckpoint(key, seq, hash, at), keyId: key.keyId },
  });
}
