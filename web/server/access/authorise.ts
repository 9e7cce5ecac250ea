import type { Db } from "@visit-once/prisma";
import { db as defaultDb } from "../db";
import { type Action, type Actor, type Decision, decide, type Resource } from "./policy";

const MUTATIONS: readonly Action[] = ["cancel", "reply", "dispute", "rate", "decide", "resolve", "claim", "reset"];

/**
 * The one authorise-and-audit path: decides with the policy, and records every mutation and
 * every refusal (who, what, on which resource, allowed or not) in the audit log. Allowed reads
 * of a citizen's data go on the access ledger instead, by the loader that reads them.
 * `label` names the resource without personal data, e.g. "case:<uuid>/step:household-registration".
 * Anonymous refusals are counted per hour instead (see countAnonymousRefusal).
 */
export async function authorise(actor: Actor | null, action: Action, resource: Resource, label: string, db: Db = defaultDb()): Promise<Decision> {
  const decision = decide(actor, action, resource);
  if (!decision.allowed && !actor) {
    await countAnonymousRefusal(db, action, resource.kind);
    return decision;
  }
  if (!decision.allowed || MUTATIONS.includes(action)) {
    await db.auditEntry.create({
      data: {
        actorId: actor?.id ?? null,
        role: actor?.role ?? null,
        action,
        resource: label,
        allowed: decision.allowed,
        detail: decision.allowed ? null : decision.reason,
      },
    });
  }
  return decision;
}

/**
 * Anyone can send anonymous requests, as many as they like: one audit row each would let a
 * flood grow the table without bound. So they add to one counter per (hour, action, resource
 * kind), upserted in one statement; signed-in refusals keep their own rows (they name someone).
 */
export async function countAnonymousRefusal(db: Db, action: Action, resourceKind: Resource["kind"], at: Date = new Date()): Promise<void> {
  const hour = new Date(at);
  hour.setUTCMinutes(0, 0, 0);
  // One statement, so concurrent refusals never race each other into a duplicate-key error.
  await db.$executeRaw`
    INSERT INTO "AnonymousRefusalCount" ("hour", "action", "resourceKind", "count") VALUES (${hour}, ${action}, ${resourceKind}, 1)
    ON CONFLICT ("hour", "action", "resourceKind") DO UPDATE SET "count" = "AnonymousRefusalCount"."count" + 1`;
}
