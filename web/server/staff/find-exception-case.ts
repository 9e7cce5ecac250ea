import type { Db } from "@visit-once/prisma";
import { z } from "zod";
import { db as defaultDb } from "../db";

/** Whose case an exception belongs to (for the access check); null when there is no such exception. */
export async function findExceptionCase(exceptionId: string, db: Db = defaultDb()) {
  if (!z.uuid().safeParse(exceptionId).success) return null;
  const x = await db.caseException.findUnique({
    where: { id: exceptionId },
    select: { id: true, applicationId: true, claimedById: true, application: { select: { citizenId: true } } },
  });
  return x
    ? { id: x.id, applicationId: x.applicationId, claimedById: x.claimedById, citizenId: x.application.citizenId }
    : null;
}
