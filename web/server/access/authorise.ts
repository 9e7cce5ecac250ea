import type { Db } from "@visit-once/prisma";
import { db as defaultDb } from "../db";
import { type Action, type Actor, type Decision, decide, type Resource } from "./policy";

const MUTATIONS: readonly Action[] = ["cancel", "reply", "dispute", "rate", "decide", "resolve", "claim", "reset"];

/**
 * The one authorise-and-audit path: decides with the policy, and records every mutation
 * and every refusal (who, what, on which resource, allowed or not) in the audit log.
 * `label` names the resource without personal data, e.g. "case:<uuid>/step:household-registration".
 */
export async function authorise(actor: Actor | null, action: Action, resource: Resource, label: string, db: Db = defaultDb()): Promise<Decision> {
  const decision = decide(actor, action, resource);
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
