import "server-only";
import type { Db } from "@visit-once/prisma";
import { db as defaultDb } from "../db";

/** The corrections waiting for an office, the soonest due first (the task queue's policy already admits its officers). */
export async function listOpenCorrections(office: string, db: Db = defaultDb()) {
  return db.correction.findMany({
    where: { departmentCode: office, status: "OPEN" },
    orderBy: { dueAt: "asc" },
    take: 50,
    select: {
      id: true,
      applicationId: true,
      recordType: true,
      openedAt: true,
      dueAt: true,
      application: { select: { serviceCode: true } },
    },
  });
}
