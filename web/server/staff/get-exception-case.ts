import type { Db } from "@visit-once/prisma";
import { z } from "zod";
import { db as defaultDb } from "../db";

/** An exception with the case around it (records, history, questions asked about it); null when there is none. */
export async function getExceptionCase(exceptionId: string, db: Db = defaultDb()) {
  if (!z.uuid().safeParse(exceptionId).success) return null;
  const exception = await db.caseException.findUnique({
    where: { id: exceptionId },
    include: { application: { select: { id: true, serviceCode: true, citizenId: true, status: true, submittedAt: true } } },
  });
  if (!exception) return null;
  const applicationId = exception.applicationId;
  const [records, events, requests] = await db.$transaction([
    db.evidenceRecord.findMany({ where: { applicationId }, orderBy: { retrievedAt: "asc" }, select: { recordType: true, departmentCode: true, retrievedAt: true, sourceRecordId: true, data: true } }),
    db.caseEvent.findMany({ where: { applicationId }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
    db.informationRequest.findMany({ where: { applicationId, exceptionId }, orderBy: { createdAt: "asc" } }),
  ]);
  return { exception, records, events, requests };
}
