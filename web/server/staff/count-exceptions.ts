import type { Db } from "@visit-once/prisma";
import { db as defaultDb } from "../db";

/** The figures at the top of the queue: every open exception, whatever the filters. */
export async function countExceptions(caseworkerId: string, now: Date, db: Db = defaultDb()) {
  const open = { status: { not: "RESOLVED" } } as const;
  const [total, overdue, unclaimed, mine] = await db.$transaction([
    db.caseException.count({ where: open }),
    db.caseException.count({ where: { ...open, dueAt: { lt: now } } }),
    db.caseException.count({ where: { ...open, claimedById: null } }),
    db.caseException.count({ where: { ...open, claimedById: caseworkerId } }),
  ]);
  return { open: total, overdue, unclaimed, mine };
}
