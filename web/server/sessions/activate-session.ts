import type { Db, SessionStage } from "@visit-once/prisma";

/** Marks a session's second factor as given; false when it was not waiting at `from` (then nothing changes). */
export async function activateSession(
  db: Db,
  sessionId: string,
  from: Exclude<SessionStage, "ACTIVE">,
): Promise<boolean> {
  const { count } = await db.session.updateMany({
    where: { id: sessionId, stage: from, revokedAt: null },
    data: { stage: "ACTIVE" },
  });
  return count === 1;
}
