import type { Db } from "@visit-once/prisma";
import { findService, stepGrant } from "@visit-once/workflows/contracts";
import { z } from "zod";
import { authorise } from "../access/authorise";
import { minimiseRecords, minimiseTyped, wasOffered } from "../access/minimise";
import { masked, maskedFieldNames } from "../at-rest/masked";
import type { Actor } from "../access/policy";
import { db as defaultDb } from "../db";

/**
 * A department step as its office sees it, once the step has reached that office: only the
 * evidence records the service grants the step, each with only the granted fields, and only
 * the granted typed fields. Null when there is no such step, the step has not reached the
 * office, or the actor may not see it: all look the same.
 */
export async function getTask(actor: Actor | null, applicationId: string, stepKey: string, db: Db = defaultDb()) {
  if (!z.uuid().safeParse(applicationId).success || !stepKey || stepKey.length > 100) return null;
  const step = await db.applicationStep.findUnique({
    where: { applicationId_key: { applicationId, key: stepKey } },
    include: { application: { select: { serviceCode: true, submittedAt: true, status: true, consent: true } } },
  });
  if (!step || step.kind !== "DEPARTMENT" || !step.departmentCode) return null;
  const label = `case:${applicationId}/step:${stepKey}`;
  const office = step.departmentCode;
  const offered = wasOffered(step);
  if (!(await authorise(actor, "read", { kind: "task", office, offered }, label, db)).allowed) return null;

  const { application, ...rest } = step;
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
    candidates.map((record) => authorise(actor, "read", { kind: "evidence", office, recordType: record.recordType, grantedTo, offered }, `${label}/evidence:${record.recordType}`, db)),
  );
  // Identity numbers and bank accounts masked; `revealable` names the fields a reveal can show.
  const records = minimiseRecords(grant, candidates.filter((_, i) => seen[i]?.allowed)).map((r) => ({ ...masked(r), revealable: maskedFieldNames(r.data) }));
  const typed = (application.consent as { fields?: unknown } | null)?.fields;
  const revealableTyped = maskedFieldNames(typed);
  const citizenFields = minimiseTyped(grant, findService(application.serviceCode)?.citizenFields ?? [], masked(typed)).map((f) => ({ ...f, revealable: revealableTyped.includes(f.name) }));
  // The consent (with every typed field) stays here: the page gets the step without it.
  const shown = { serviceCode: application.serviceCode, submittedAt: application.submittedAt, status: application.status };
  return { step: { ...masked(rest), application: shown }, records, requests, citizenFields };
}
