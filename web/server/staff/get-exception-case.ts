import type { Db } from "@visit-once/prisma";
import { z } from "zod";
import { exceptionRecordTypes } from "../access/minimise";
import { masked, maskedFieldNames } from "../at-rest/masked";
import { db as defaultDb } from "../db";

/**
 * An exception with the case around it (history, questions asked about it) and only the records
 * tied to this exception (its record, a conflict's sources), not every record of the case; null
 * when there is none. Identity numbers masked (see ../at-rest/masked).
 */
export async function getExceptionCase(exceptionId: string, db: Db = defaultDb()) {
  if (!z.uuid().safeParse(exceptionId).success) return null;
  const exception = await db.caseException.findUnique({
    where: { id: exceptionId },
    include: { application: { select: { id: true, serviceCode: true, citizenId: true, status: true, submittedAt: true } } },
  });
  if (!exception) return null;
  const applicationId = exception.applicationId;
  const recordTypes = exceptionRecordTypes(exception);
  const [records, events, requests] = await db.$transaction([
    db.evidenceRecord.findMany({ where: { applicationId, recordType: { in: recordTypes } }, orderBy: { retrievedAt: "asc" }, select: { recordType: true, departmentCode: true, retrievedAt: true, sourceRecordId: true, data: true } }),
    db.caseEvent.findMany({ where: { applicationId }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
    db.informationRequest.findMany({ where: { applicationId, exceptionId }, orderBy: { createdAt: "asc" } }),
  ]);
  // `revealable`: the fields shown masked that a reveal can show.
  return masked({ exception, records: records.map((r) => ({ ...r, revealable: maskedFieldNames(r.data) })), events, requests });
}
