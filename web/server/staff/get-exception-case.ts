import { caseSubjectId } from "@visit-once/prisma";
import type { Db } from "@visit-once/prisma";
import { z } from "zod";
import { exceptionRecordTypes } from "../access/minimise";
import type { Actor } from "../access/policy";
import { masked, maskedFieldNames } from "../at-rest/masked";
import { db as defaultDb } from "../db";
import { currentRequestId } from "../http/request-id";
import { recordAccess } from "../ledger/record-access";
import { USE_PURPOSES, useEntries } from "../ledger/use-entries";
import { readConflict } from "./conflict";
import { sayEventRow } from "../cases/case-words";

/**
 * An exception with the case around it (history, questions asked about it) and only the records
 * tied to this exception (its record, a conflict's sources), not every record of the case; null
 * when there is none. The caller has checked the actor may read it (`requireException`). What
 * is shown goes on the access ledger before it is returned: one entry per record type, one for
 * the rest of the case (its history, questions and answers, what the citizen typed or said).
 * Identity numbers and bank accounts masked (see ../at-rest/masked).
 */
export async function getExceptionCase(actor: Actor, exceptionId: string, db: Db = defaultDb()) {
  if (!z.uuid().safeParse(exceptionId).success) return null;
  const exception = await db.caseException.findUnique({
    where: { id: exceptionId },
    include: {
      application: {
        select: {
          id: true,
          serviceCode: true,
          citizenId: true,
          subjectUserId: true,
          subjectIndex: true,
          status: true,
          submittedAt: true,
        },
      },
    },
  });
  if (!exception) return null;
  const applicationId = exception.applicationId;
  const recordTypes = exceptionRecordTypes(exception);
  const [records, events, requests] = await db.$transaction([
    db.evidenceRecord.findMany({
      where: { applicationId, recordType: { in: recordTypes } },
      orderBy: { retrievedAt: "asc" },
      select: { recordType: true, departmentCode: true, retrievedAt: true, sourceRecordId: true, data: true },
    }),
    db.caseEvent.findMany({ where: { applicationId }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
    db.informationRequest.findMany({ where: { applicationId, exceptionId }, orderBy: { createdAt: "asc" } }),
  ]);
  const use = {
    actor,
    action: "staff-view" as const,
    subjectId: caseSubjectId(exception.application),
    applicationId,
    serviceCode: exception.application.serviceCode,
    purpose: USE_PURPOSES.exception,
    requestId: await currentRequestId(),
  };
  // A repeat within minutes (the page refreshes itself) is the same use.
  await recordAccess(
    useEntries(
      use,
      { records, caseFields: caseFieldsShown(exception, events.length, requests.length) },
      `exception:${exceptionId}`,
      new Date(),
    ),
    db,
  );
  // `revealable`: the fields shown masked that a reveal can show.
  const said = events.map((e) => sayEventRow(e, exception.application.serviceCode));
  return masked({
    exception,
    records: records.map((r) => ({ ...r, revealable: maskedFieldNames(r.data) })),
    events: said,
    requests,
  });
}

/** What of the case besides its records the page shows: a value the citizen typed in a conflict, her dispute, the history, the questions. */
function caseFieldsShown(exception: { kind: string; conflict: unknown }, events: number, requests: number): string[] {
  const conflict = readConflict(exception.conflict);
  return [
    ...(conflict?.values.some((v) => v.department === "application") ? [conflict.field] : []),
    ...(exception.kind === "CITIZEN_DISPUTE" ? ["disputeExplanation"] : []),
    ...(events > 0 ? ["caseEvents"] : []),
    ...(requests > 0 ? ["informationRequests"] : []),
  ];
}
