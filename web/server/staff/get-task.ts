import { caseSubjectId } from "@visit-once/prisma";
import type { Db } from "@visit-once/prisma";
import { findService, stepGrant } from "@visit-once/workflows/contracts";
import { z } from "zod";
import { authorise } from "../access/authorise";
import { minimiseRecords, minimiseTyped, wasOffered } from "../access/minimise";
import { masked, maskedFieldNames } from "../at-rest/masked";
import type { Actor } from "../access/policy";
import { db as defaultDb } from "../db";
import { currentRequestId } from "../http/request-id";
import { recordAccess } from "../ledger/record-access";
import { refusedEntry, taskPurpose, type UseContext, useEntries } from "../ledger/use-entries";
import { stepLabel } from "../localised";

/**
 * A department step as its office sees it, once the step has reached that office: only the
 * evidence records the service grants the step, each with only the granted fields, and only
 * the granted typed fields. Null when there is no such step, the step has not reached the
 * office, or the actor may not see it: all look the same. What is shown goes on the access
 * ledger first (one entry per record type, one for the typed fields and questions); a refusal
 * of an existing step too.
 */
export async function getTask(actor: Actor | null, applicationId: string, stepKey: string, db: Db = defaultDb()) {
  if (!z.uuid().safeParse(applicationId).success || !stepKey || stepKey.length > 100) return null;
  const step = await db.applicationStep.findUnique({
    where: { applicationId_key: { applicationId, key: stepKey } },
    include: {
      application: {
        select: {
          subjectUserId: true,
          subjectIndex: true,
          serviceCode: true,
          citizenId: true,
          submittedAt: true,
          status: true,
          consent: true,
          actingBasis: true,
        },
      },
    },
  });
  if (!step || step.kind !== "DEPARTMENT" || !step.departmentCode) return null;
  const label = `case:${applicationId}/step:${stepKey}`;
  const office = step.departmentCode;
  const offered = wasOffered(step);
  const { application, ...rest } = step;
  const requestId = await currentRequestId();
  const use = (who: Actor): UseContext => ({
    actor: who,
    action: "staff-view",
    subjectId: caseSubjectId(application),
    applicationId,
    serviceCode: application.serviceCode,
    purpose: taskPurpose(stepLabel("en", application.serviceCode, stepKey)),
    requestId,
  });
  const allowed = (await authorise(actor, "read", { kind: "task", office, offered }, label, db)).allowed;
  if (!actor || !allowed) {
    if (actor) await recordAccess([refusedEntry(use(actor))], db);
    return null;
  }

  const grant = stepGrant(application.serviceCode, stepKey);
  const grantedTo = Object.keys(grant.records);
  const [candidates, requests] = await db.$transaction([
    db.evidenceRecord.findMany({
      where: { applicationId, recordType: { in: grantedTo } },
      orderBy: { recordType: "asc" },
      select: { recordType: true, departmentCode: true, retrievedAt: true, sourceRecordId: true, data: true },
    }),
    db.informationRequest.findMany({ where: { applicationId, stepKey }, orderBy: { createdAt: "asc" } }),
  ]);
  const seen = await Promise.all(
    candidates.map((record) =>
      authorise(
        actor,
        "read",
        { kind: "evidence", office, recordType: record.recordType, grantedTo, offered },
        `${label}/evidence:${record.recordType}`,
        db,
      ),
    ),
  );
  // Identity numbers and bank accounts masked; `revealable` names the fields a reveal can show.
  const records = minimiseRecords(
    grant,
    candidates.filter((_, i) => seen[i]?.allowed),
  ).map((r) => ({ ...masked(r), revealable: maskedFieldNames(r.data) }));
  const typed = (application.consent as { fields?: unknown } | null)?.fields;
  const revealableTyped = maskedFieldNames(typed);
  const citizenFields = minimiseTyped(
    grant,
    findService(application.serviceCode)?.citizenFields ?? [],
    masked(typed),
  ).map((f) => ({ ...f, revealable: revealableTyped.includes(f.name) }));
  // Nothing reaches the page unless its ledger entries are written (a repeat within minutes, as the page refreshes itself, is the same use).
  const caseFields = [...citizenFields.map((f) => f.name), ...(requests.length > 0 ? ["informationRequests"] : [])];
  await recordAccess(useEntries(use(actor), { records, caseFields }, label, new Date()), db);
  // The consent (with every typed field) stays here: the page gets the step without it.
  const shown = {
    serviceCode: application.serviceCode,
    submittedAt: application.submittedAt,
    status: application.status,
    // That someone applied for the person the case is about (why, never who): the office decides on her records.
    actingBasis: application.actingBasis,
  };
  return { step: { ...masked(rest), application: shown }, records, requests, citizenFields };
}
