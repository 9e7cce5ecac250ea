import type { Prisma } from "@visit-once/prisma";

// Two administrators demoting each other at once must not both succeed: every change that can
// take an administrator away waits for this lock, then counts.
const ADMIN_CHANGES_LOCK = 7_314_001;

/**
 * Whether taking `userId` away from the active administrators would leave none. Call inside the
 * transaction that makes the change; it holds a transaction lock until that commits.
 */
export async function wouldLeaveNoAdmin(tx: Prisma.TransactionClient, userId: string): Promise<boolean> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_CHANGES_LOCK}::bigint)`;
  const others = await tx.user.count({ where: { role: "ADMIN", deactivatedAt: null, id: { not: userId } } });
  return others === 0;
}
