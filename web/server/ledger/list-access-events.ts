import type { AccessEventModel as AccessEvent, Db } from "@visit-once/prisma";
import { ACCESS_ACTIONS } from "@visit-once/prisma/ledger";
import { z } from "zod";
import { db as defaultDb } from "../db";

export const LEDGER_PAGE_SIZE = 50;

/** The admin ledger's filters as they come from the address bar; each one checked, none trusted. */
const filterSchema = z.object({
  action: z.enum(ACCESS_ACTIONS, { message: "action" }).optional(),
  case: z.uuid({ message: "case" }).optional(),
  // Account ids are UUIDs: anything else (a NUL, a novel) is refused before it reaches a query.
  actor: z.uuid({ message: "actor" }).optional(),
  before: z
    .string()
    .regex(/^\d{1,18}$/, { message: "before" })
    .transform(BigInt)
    .optional(),
});
export type LedgerFilters = z.infer<typeof filterSchema>;

export type LedgerQuery =
  { ok: true; filters: LedgerFilters } | { ok: false; invalid: "action" | "case" | "actor" | "before" };

/** Reads the filters from search params: a single value each; an empty field is no filter. */
export function parseLedgerFilters(params: Record<string, string | string[] | undefined>): LedgerQuery {
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
  const parsed = filterSchema.safeParse({
    action: one(params.action),
    case: one(params.case),
    actor: one(params.actor),
    before: one(params.before),
  });
  if (parsed.success) return { ok: true, filters: parsed.data };
  const field = parsed.error.issues[0]?.path[0];
  return { ok: false, invalid: field === "action" || field === "case" || field === "actor" ? field : "before" };
}

export interface LedgerPage {
  entries: AccessEvent[];
  /** The seq to continue from (older entries), when there are more. */
  olderThan: bigint | null;
}

/** The ledger newest first, a page at a time, filtered by action kind, case and actor. */
export async function listAccessEvents(filters: LedgerFilters, db: Db = defaultDb()): Promise<LedgerPage> {
  const entries = await db.accessEvent.findMany({
    where: {
      ...(filters.action ? { action: filters.action } : {}),
      ...(filters.case ? { applicationId: filters.case } : {}),
      ...(filters.actor ? { actorId: filters.actor } : {}),
      ...(filters.before ? { seq: { lt: filters.before } } : {}),
    },
    orderBy: { seq: "desc" },
    take: LEDGER_PAGE_SIZE + 1,
  });
  const more = entries.length > LEDGER_PAGE_SIZE;
  const page = entries.slice(0, LEDGER_PAGE_SIZE);
  return { entries: page, olderThan: more ? page[page.length - 1]!.seq : null };
}
