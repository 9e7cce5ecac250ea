import type { Db } from "@visit-once/prisma";
import { findService } from "@visit-once/workflows/contracts";
import { z } from "zod";
import { authorise } from "../access/authorise";
import type { Actor } from "../access/policy";
import { db as defaultDb } from "../db";

/**
 * A department step as its office sees it, with only the evidence the service grants that
 * step. Null when there is no such step or the actor may not see it: both look the same.
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
  if (!(await authorise(actor, "read", { kind: "task", office }, label, db)).allowed) return null;

  const grantedTo = grantedEvidence(step.application.serviceCode, stepKey);
  const [candidates, requests] = await db.$transaction([
    db.evidenceRecord.findMany({
      where: { applicationId, recordType: { in: [...grantedTo] } },
      orderBy: { recordType: "asc" },
      select: { recordType: true, departmentCode: true, retrievedAt: true, sourceRecordId: true, data: true },
    }),
    db.informationRequest.findMany({ where: { applicationId, stepKey }, orderBy: { createdAt: "asc" } }),
  ]);
  const seen = await Promise.all(
    candidates.map((record) => authorise(actor, "read", { kind: "evidence", office, recordType: record.recordType, grantedTo }, `${label}/evidence:${record.recordType}`, db)),
  );
  const records = candidates.filter((_, i) => seen[i]?.allowed);
  return { step, records, requests, citizenFields: citizenFieldsOf(step.application.serviceCode, step.application.consent) };
}

/** The evidence record types the service grants to the office deciding `stepKey`. */
function grantedEvidence(serviceCode: string, stepKey: string): readonly string[] {
  return findService(serviceCode)?.steps.find((s) => s.key === stepKey)?.sees ?? [];
}

/** What the citizen typed for the service (only what no department holds), by the service's own field list. */
function citizenFieldsOf(serviceCode: string, consent: unknown): { name: string; label: { en: string; zh: string }; value: string }[] {
  const service = findService(serviceCode);
  const typed = (consent as { fields?: Record<string, unknown> } | null)?.fields ?? {};
  return (service?.citizenFields ?? []).flatMap((f) => {
    const value = typed[f.name];
    return value === undefined || value === null || value === "" ? [] : [{ name: f.name, label: f.label, value: String(value) }];
  });
}
