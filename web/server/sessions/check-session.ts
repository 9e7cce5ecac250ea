import type { Db, SessionStage } from "@visit-once/prisma";
import { isUuid } from "@/lib/validation";
import { type EndReason, revokeSession } from "./revoke-sessions";
import type { SessionUser } from "./session-user";

export interface SessionLimits {
  /** Seconds without a request after which the session ends (VO_IDLE_SIGNOUT_SECONDS). */
  idleSeconds: number;
  /** Seconds after sign-in after which the session ends however active (VO_SESSION_MAX_SECONDS). */
  maxSeconds: number;
}

export interface LiveSession {
  id: string;
  stage: SessionStage;
  user: SessionUser;
}

// Writing lastSeenAt on every request would cost a write per page and poll; a minute's
// precision is plenty against a 30-minute idle limit.
const TOUCH_AFTER_MS = 60_000;

/**
 * The session behind a cookie, if it is still good: not revoked, not idle too long, not past
 * its absolute lifetime, the account active, and its role and office unchanged since sign-in. A session
 * that fails a check is revoked, so it stays ended (fail closed). `now` is injectable for tests.
 */
export async function checkSession(
  db: Db,
  sessionId: string,
  userId: string,
  limits: SessionLimits,
  now = new Date(),
): Promise<LiveSession | null> {
  if (!isUuid(sessionId)) return null;
  const row = await db.session.findUnique({
    where: { id: sessionId },
    include: {
      user: { select: { id: true, name: true, email: true, role: true, departmentCode: true, deactivatedAt: true } },
    },
  });
  if (!row || row.revokedAt || row.userId !== userId) return null;
  const ended = endReason(row, limits, now);
  if (ended) {
    await revokeSession(db, row.id, ended, now);
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_AFTER_MS) {
    await db.session.updateMany({ where: { id: row.id, revokedAt: null }, data: { lastSeenAt: now } });
  }
  const { id, name, email, role, departmentCode } = row.user;
  return { id: row.id, stage: row.stage, user: { id, name, email, role, departmentCode } };
}

function endReason(
  row: {
    createdAt: Date;
    lastSeenAt: Date;
    role: string;
    departmentCode: string | null;
    user: { role: string; departmentCode: string | null; deactivatedAt: Date | null };
  },
  limits: SessionLimits,
  now: Date,
): EndReason | null {
  // Deactivation revokes the sessions itself; this catches one that began in the same instant.
  if (row.user.deactivatedAt) return "deactivated";
  if (now.getTime() - row.createdAt.getTime() > limits.maxSeconds * 1000) return "expired";
  if (now.getTime() - row.lastSeenAt.getTime() > limits.idleSeconds * 1000) return "idle";
  if (row.user.role !== row.role || row.user.departmentCode !== row.departmentCode) return "account-changed";
  return null;
}
