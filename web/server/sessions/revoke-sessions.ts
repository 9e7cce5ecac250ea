import type { Db } from "@visit-once/prisma";

/** Why a session ended (stored on the row; never shown with personal data). */
export type EndReason =
  | "signed-out"
  | "signed-out-everywhere"
  | "idle"
  | "expired"
  | "account-changed"
  | "second-factor-reset"
  | "deactivated";

/** Ends one session; ending an ended one changes nothing (its first reason stays). */
export async function revokeSession(db: Db, sessionId: string, reason: EndReason, now = new Date()): Promise<void> {
  await db.session.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: now, revokedReason: reason },
  });
}

/** Ends every open session of a person; returns how many. */
export async function revokeAllSessions(db: Db, userId: string, reason: EndReason, now = new Date()): Promise<number> {
  const { count } = await db.session.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: now, revokedReason: reason },
  });
  return count;
}
