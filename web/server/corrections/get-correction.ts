import "server-only";
import type { Db } from "@visit-once/prisma";
import { correctableFields, isCorrectableRecordType } from "@visit-once/workflows/contracts";
import { z } from "zod";
import { authorise } from "../access/authorise";
import type { Actor } from "../access/policy";
import { masked } from "../at-rest/masked";
import { db as defaultDb } from "../db";
import { currentRequestId } from "../http/request-id";
import { recordAccess } from "../ledger/record-access";
import { refusedEntry, USE_PURPOSES, type UseContext, useEntries } from "../ledger/use-entries";

/**
 * A correction task as the officers of the department holding the record see it: what was
 * said against the record, and the record's correctable fields as the department provided them
 * (only those: the officer corrects their own record, and sees no more of the case). Null for
 * anyone else or no such correction: both look the same. What is shown goes on the access ledger
 * first; a refusal of an existing correction too.
 */
export async function getCorrection(actor: Actor | null, correctionId: string, db: Db = defaultDb()) {
  if (!z.uuid().safeParse(correctionId).success) return null;
  const c = await db.correction.findUnique({
    where: { id: correctionId },
    include: { application: { select: { citizenId: true, serviceCode: true, status: true } } },
  });
  if (!c || !isCorrectableRecordType(c.recordType)) return null;
  const label = `case:${c.applicationId}/correction:${c.id}`;
  const use = (who: Actor): UseContext => ({
    actor: who,
    action: "staff-view",
    subjectId: c.application.citizenId,
    applicationId: c.applicationId,
    serviceCode: c.application.serviceCode,
    purpose: USE_PURPOSES.correction,
    requestId: "",
  });
  const allowed = (await authorise(actor, "read", { kind: "correction", office: c.departmentCode }, label, db)).allowed;
  const requestId = await currentRequestId();
  if (!actor || !allowed) {
    if (actor) await recordAccess([refusedEntry({ ...use(actor), requestId })], db);
    return null;
  }
  const fields = Object.entries(correctableFields(c.recordType)).map(([name, kind]) => ({ name, kind }));
  const evidence = await db.evidenceRecord.findFirst({
    where: { applicationId: c.applicationId, recordType: c.recordType },
    select: { data: true, retrievedAt: true, departmentCode: true },
  });
  const data = (evidence ? masked(evidence.data) : null) as Record<string, unknown> | null;
  const current = data
    ? Object.fromEntries(
        fields.map((f) => [f.name, data[f.name] === undefined || data[f.name] === null ? "" : String(data[f.name])]),
      )
    : null;
  const shown =
    current && evidence ? [{ recordType: c.recordType, departmentCode: evidence.departmentCode, data: current }] : [];
  await recordAccess(
    useEntries({ ...use(actor), requestId }, { records: shown, caseFields: ["correction"] }, label, new Date()),
    db,
  );
  const open = (v: string | null) => (v === null ? null : masked(v));
  return {
    correction: {
      id: c.id,
      applicationId: c.applicationId,
      serviceCode: c.application.serviceCode,
      caseStatus: c.application.status,
      department: c.departmentCode,
      recordType: c.recordType,
      status: c.status,
      explanation: masked(c.explanation),
      disputedValue: open(c.disputedValue),
      reason: open(c.reason),
      correctedFields: (masked(c.fields) as { field: string; value: string }[] | null) ?? [],
      openedAt: c.openedAt,
      dueAt: c.dueAt,
      closedAt: c.closedAt,
    },
    fields,
    current,
    retrievedAt: evidence?.retrievedAt ?? null,
  };
}
