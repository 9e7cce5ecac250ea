import { createHash } from "node:crypto";
import type { AccessAction, AccessEventInput } from "@visit-once/prisma/ledger";
import { catalogueEntry, RECORD_TYPE_CODES, type RecordType } from "@visit-once/workflows/contracts";
import type { Actor } from "../access/policy";

/**
 * Why each kind of use happened, as the ledger's `purpose`: short English phrases that never
 * change (the citizen's "who used my data" page words them per language from this table; a
 * task's step is named in the phrase itself, its service in `serviceCode`).
 */
export const USE_PURPOSES = {
  exception: "Resolving an exception on the case",
  download: "Downloading an outcome document of the case",
  decode: "Inspecting a case's workflow in the Temporal UI",
  review: "Reviewing a refusal of the case",
  correction: "Correcting a record at its source",
} as const;
/** A department step's task page: the step's English title from the service definition. */
export const taskPurpose = (stepTitleEn: string) => `Deciding the step "${stepTitleEn}"`;

/** How long a page that re-reads itself (the staff pages refresh every 2 s) counts as the same use. */
export const SAME_VIEW_MS = 10 * 60_000;

/** One use of one case by one person: who, whose, which case and why. */
export interface UseContext {
  actor: Actor;
  action: AccessAction;
  subjectId: string | null;
  applicationId: string | null;
  serviceCode: string | null;
  purpose: string;
  requestId: string;
  /** The office whose data it is when it is not a record's (e.g. the office that issued a document). */
  department?: string | null;
}

/** What a page actually showed, after minimisation. */
export interface Shown {
  /** Evidence records as shown: their type, the office holding them, and the shown data's fields. */
  records: readonly { recordType: string; departmentCode: string; data: unknown }[];
  /** Everything else of the case shown (typed fields by name, "informationRequests", "caseEvents", …). */
  caseFields?: readonly string[];
}

/**
 * The ledger entries for one use: one per record type shown (so each carries its exact legal
 * basis from the catalogue), one for the rest of the case if any of it was shown, and one
 * bare entry if nothing at all was (the person still opened the case). `sameViewAt` makes a
 * repeat of the same view by the same person within SAME_VIEW_MS append nothing.
 */
export function useEntries(use: UseContext, shown: Shown, target: string, sameViewAt?: Date): AccessEventInput[] {
  const byType = new Map<string, { department: string; fields: Set<string> }>();
  for (const r of shown.records) {
    const entry = byType.get(r.recordType) ?? { department: r.departmentCode, fields: new Set<string>() };
    for (const f of fieldsOf(r.data)) entry.fields.add(f);
    byType.set(r.recordType, entry);
  }
  const entries: AccessEventInput[] = [...byType].map(([recordType, { department, fields }]) => ({
    ...base(use),
    department,
    recordTypes: [recordType],
    fields: [...fields].sort(),
    legalBasis: legalBasisOf(recordType),
  }));
  const caseFields = [...new Set(shown.caseFields ?? [])].sort();
  // Staff see what the citizen typed because she applied and consented; her own download rests on nothing else.
  const consent = use.action === "staff-view" ? "the applicant's consent for this case" : null;
  if (caseFields.length > 0 || entries.length === 0)
    entries.push({ ...base(use), recordTypes: [], fields: caseFields, legalBasis: null, consent });
  if (!sameViewAt) return entries;
  const window = Math.floor(sameViewAt.getTime() / SAME_VIEW_MS);
  return entries.map((e) => ({
    ...e,
    idempotencyKey: `${use.action}:${digest([use.actor.id, target, e.recordTypes, e.fields, window])}`,
  }));
}

/** A refused attempt on an existing case: nothing was shown, but someone tried. */
export function refusedEntry(use: UseContext): AccessEventInput {
  return { ...base(use), outcome: "refused" };
}

function base(use: UseContext): AccessEventInput {
  return {
    actor: { id: use.actor.id, role: use.actor.role, office: use.actor.departmentCode },
    subjectId: use.subjectId,
    action: use.action,
    department: use.department ?? null,
    purpose: use.purpose,
    serviceCode: use.serviceCode,
    applicationId: use.applicationId,
    requestId: use.requestId,
    outcome: "allowed",
  };
}

function fieldsOf(data: unknown): string[] {
  return typeof data === "object" && data !== null && !Array.isArray(data) ? Object.keys(data) : [];
}

function legalBasisOf(recordType: string): string | null {
  return (RECORD_TYPE_CODES as readonly string[]).includes(recordType)
    ? catalogueEntry(recordType as RecordType).legalBasis.en
    : null;
}

function digest(parts: unknown[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 40);
}
