import type { Db, Prisma } from "@visit-once/prisma";
import { CASE_ACTION_NAMES } from "@visit-once/workflows/contracts";
import { db as defaultDb } from "../db";
import { type Action, type Actor, type Decision, decide, type Resource } from "./policy";

const MUTATIONS: readonly Action[] = [
  ...CASE_ACTION_NAMES,
  "rate",
  "claim",
  "reset",
  "invite",
  "change",
  "deactivate",
  "reactivate",
  "create",
  "delete",
  "accept",
  "mark-read",
  "grant",
  "revoke",
];

/**
 * The one authorise-and-audit path: decides with the policy, and records every mutation and
 * every refusal (who, what, on which resource, allowed or not) in the audit log. Allowed reads
 * of a citizen's data go on the access ledger instead, by the loader that reads them.
 * `label` names the resource without personal data, e.g. "case:<uuid>/step:household-registration".
 * Anonymous refusals are counted per hour instead (see countAnonymousRefusal).
 * `repeat`: the same request again (its idempotency key already claimed by this request's first
 * sending). An allowed repeat is not a new mutation, so it writes no second row: the first one,
 * with its `requestId`, records it once. A refused repeat is recorded like any refusal.
 */
export async function authorise(
  actor: Actor | null,
  action: Action,
  resource: Resource,
  label: string,
  db: Db = defaultDb(),
  { requestId, repeat = false, onBehalfOf }: { requestId?: string; repeat?: boolean; onBehalfOf?: string } = {},
): Promise<Decision> {
  const decision = decide(actor, action, resource);
  if (!decision.allowed && !actor) {
    await countAnonymousRefusal(db, action, resource.kind);
    return decision;
  }
  if (!decision.allowed || (MUTATIONS.includes(action) && !repeat)) {
    await db.auditEntry.create({
      data: {
        actorId: actor?.id ?? null,
        role: actor?.role ?? null,
        action,
        resource: label,
        allowed: decision.allowed,
        detail: decision.allowed ? null : decision.reason,
        requestId: requestId ?? null,
        onBehalfOf: onBehalfOf ?? null,
      },
    });
  }
  return decision;
}

/** What an allowed mutation came to, for its audit entry: `done`, or why nothing changed (`unchanged`, `last-admin` …). */
export interface MutationResult {
  outcome: string;
}

/**
 * `authorise` for a mutation whose outcome is known only once it ran (the admin console): a
 * refusal is recorded as `authorise` records it; an allowed mutation runs in one transaction
 * with its one audit entry (who, what, which resource, the request id, the outcome), so the
 * change and its record commit together or not at all. `run` must not put secrets in its outcome.
 */
export async function authoriseMutation<T extends MutationResult>(
  actor: Actor | null,
  action: Action,
  resource: Resource,
  label: string,
  requestId: string,
  run: (tx: Prisma.TransactionClient) => Promise<T>,
  db: Db = defaultDb(),
): Promise<{ allowed: false } | { allowed: true; result: T }> {
  if (!MUTATIONS.includes(action)) throw new Error(`authoriseMutation is for mutations, not ${action}`);
  const decision = decide(actor, action, resource);
  if (!decision.allowed || !actor) {
    await authorise(actor, action, resource, label, db, { requestId });
    return { allowed: false };
  }
  const result = await db.$transaction(async (tx) => {
    const done = await run(tx);
    await tx.auditEntry.create({
      data: {
        actorId: actor.id,
        role: actor.role,
        action,
        resource: label,
        allowed: true,
        requestId,
        outcome: done.outcome,
      },
    });
    return done;
  });
  return { allowed: true, result };
}

/**
 * Anyone can send anonymous requests, as many as they like: one audit row each would let a
 * flood grow the table without bound. So they add to one counter per (hour, action, resource
 * kind), upserted in one statement; signed-in refusals keep their own rows (they name someone).
 */
export async function countAnonymousRefusal(
  db: Db,
  action: Action,
  resourceKind: Resource["kind"],
  at: Date = new Date(),
): Promise<void> {
  const hour = new Date(at);
  hour.setUTCMinutes(0, 0, 0);
  // One statement, so concurrent refusals never race each other into a duplicate-key error.
  await db.$executeRaw`
    INSERT INTO "AnonymousRefusalCount" ("hour", "action", "resourceKind", "count") VALUES (${hour}, ${action}, ${resourceKind}, 1)
    ON CONFLICT ("hour", "action", "resourceKind") DO UPDATE SET "count" = "AnonymousRefusalCount"."count" + 1`;
}
