import { caseSubjectId } from "@visit-once/prisma";
import type { Db } from "@visit-once/prisma";
import { openSensitive } from "@visit-once/prisma/at-rest";
import { stepGrant } from "@visit-once/workflows/contracts";
import { z } from "zod";
import { recordEntries } from "@/lib/record-entries";
import { authorise } from "../access/authorise";
import { exceptionRecordTypes, wasOffered } from "../access/minimise";
import type { Actor, Resource } from "../access/policy";
import { db as defaultDb } from "../db";
import { recordAccess } from "../ledger/record-access";
import { masked } from "./masked";
import { fieldCipher } from "@/env";

// A reveal: one masked identity number or bank account shown in clear, on purpose, to a viewer
// whose work already shows it masked. Decided through authorise() (action `reveal`), written to
// the access ledger before the value leaves the server. Anything else (not allowed, no such
// case, step, exception or field, nothing masked there) answers null, which looks the same.

const name = z.string().regex(/^[a-zA-Z][a-zA-Z0-9-]{0,63}$/);

export const revealTargetSchema = z.discriminatedUnion("via", [
  z.object({
    via: z.literal("task"),
    applicationId: z.uuid(),
    stepKey: z.string().min(1).max(100),
    recordType: name.nullable(),
    field: name,
  }),
  z.object({ via: z.literal("exception"), exceptionId: z.uuid(), recordType: name, field: name }),
]);
export type RevealTarget = z.infer<typeof revealTargetSchema>;

interface Found {
  resource: Extract<Resource, { kind: "sensitive-field" }>;
  label: string;
  applicationId: string;
  /** Whose data (the represented person's, when someone applied for her). */
  citizenId: string;
  serviceCode: string;
  /** The stored value (sealed), if the field is there. */
  stored: unknown;
  purpose: string;
}

async function findTaskField(t: Extract<RevealTarget, { via: "task" }>, db: Db): Promise<Found | null> {
  const step = await db.applicationStep.findUnique({
    where: { applicationId_key: { applicationId: t.applicationId, key: t.stepKey } },
    include: {
      application: {
        select: { serviceCode: true, citizenId: true, subjectUserId: true, subjectIndex: true, consent: true },
      },
    },
  });
  if (!step || step.kind !== "DEPARTMENT" || !step.departmentCode) return null;
  const grant = stepGrant(step.application.serviceCode, t.stepKey);
  const granted =
    t.recordType === null
      ? grant.typed.includes(t.field)
      : ((grant.records as Record<string, readonly string[] | undefined>)[t.recordType] ?? []).includes(t.field);
  let stored: unknown;
  if (t.recordType === null) {
    stored = fieldOf((step.application.consent as { fields?: unknown } | null)?.fields, t.field);
  } else {
    const record = await db.evidenceRecord.findUnique({
      where: { applicationId_recordType: { applicationId: t.applicationId, recordType: t.recordType } },
      select: { data: true },
    });
    stored = fieldOf(record?.data, t.field);
  }
  return {
    resource: { kind: "sensitive-field", via: "task", office: step.departmentCode, offered: wasOffered(step), granted },
    label: `case:${t.applicationId}/step:${t.stepKey}/${t.recordType ?? "typed"}:${t.field}`,
    applicationId: t.applicationId,
    citizenId: caseSubjectId(step.application),
    serviceCode: step.application.serviceCode,
    stored,
    purpose: `Shown in clear on request, for the decision on step ${t.stepKey}`,
  };
}

async function findExceptionField(t: Extract<RevealTarget, { via: "exception" }>, db: Db): Promise<Found | null> {
  const exception = await db.caseException.findUnique({
    where: { id: t.exceptionId },
    select: {
      applicationId: true,
      recordType: true,
      conflict: true,
      application: { select: { citizenId: true, subjectUserId: true, subjectIndex: true, serviceCode: true } },
    },
  });
  if (!exception) return null;
  const granted = exceptionRecordTypes(exception).includes(t.recordType);
  const record = await db.evidenceRecord.findUnique({
    where: { applicationId_recordType: { applicationId: exception.applicationId, recordType: t.recordType } },
    select: { data: true },
  });
  return {
    resource: { kind: "sensitive-field", via: "exception", granted },
    label: `exception:${t.exceptionId}/${t.recordType}:${t.field}`,
    applicationId: exception.applicationId,
    citizenId: caseSubjectId(exception.application),
    serviceCode: exception.application.serviceCode,
    stored: fieldOf(record?.data, t.field),
    purpose: "Shown in clear on request, to resolve an exception",
  };
}

function fieldOf(data: unknown, field: string): unknown {
  if (typeof data !== "object" || data === null || Array.isArray(data) || !Object.hasOwn(data, field)) return undefined;
  return (data as Record<string, unknown>)[field];
}

/** The clear value as text, after the ledger entry; null for anything not to be revealed. */
export async function revealValue(actor: Actor | null, input: unknown, db: Db = defaultDb()): Promise<string | null> {
  const parsed = revealTargetSchema.safeParse(input);
  if (!parsed.success) return null;
  const target = parsed.data;
  const found = target.via === "task" ? await findTaskField(target, db) : await findExceptionField(target, db);
  if (!found) return null;
  if (!(await authorise(actor, "reveal", found.resource, found.label, db)).allowed) return null;
  if (found.stored === undefined || found.stored === null) return null;
  // Under its own name: whether a value is sensitive can depend on the field it sits in.
  const stored = { [target.field]: found.stored };
  const clear = openSensitive(stored, fieldCipher());
  // Only what a page shows masked is revealed; any other field is not this path's to show.
  if (JSON.stringify(masked(stored)) === JSON.stringify(clear)) return null;
  await recordAccess(
    [
      {
        actor: { id: actor!.id, role: actor!.role, office: actor!.departmentCode },
        subjectId: found.citizenId,
        action: "reveal",
        recordTypes: target.recordType ? [target.recordType] : [],
        fields: [target.field],
        serviceCode: found.serviceCode,
        applicationId: found.applicationId,
        purpose: found.purpose,
        outcome: "allowed",
      },
    ],
    db,
  );
  return recordEntries(clear)[0]?.value?.toString() ?? null;
}
