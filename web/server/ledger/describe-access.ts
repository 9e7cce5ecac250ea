import type { AccessEventModel as AccessEvent } from "@visit-once/prisma";
import {
  DATA_CATALOGUE,
  findService,
  PURPOSES,
  RECORD_TYPE_CODES,
  type RecordType,
  catalogueEntry,
} from "@visit-once/workflows/contracts";
import { pick } from "../localised";

/** Who used the data, as the citizen is told it: staff by office and role, never by name. */
export type AccessWho =
  | { kind: "you" }
  /** A failed sign-in to her account: whoever typed her email, not necessarily her. */
  | { kind: "attempt" }
  | { kind: "system" }
  | { kind: "staff"; role: string; office: string | null }
  | { kind: "unknown" };

export interface AccessWords {
  who: AccessWho;
  /** Whose records (a department fetch) or which office's member of staff, as a code; null for her own actions. */
  office: string | null;
  /** Why, in plain words: the purpose the service gives for each record, else the service's own purpose. */
  purposes: string[];
  /** Under which law, in plain words (from the data catalogue), when the entry names one. */
  legalBases: string[];
  recordTypes: RecordType[];
  /** The fields by their code; the page words them (record fields from its catalogue, typed fields from the service). */
  fields: string[];
}

const isRecordType = (r: string): r is RecordType => (RECORD_TYPE_CODES as readonly string[]).includes(r);
const unique = (items: string[]) => [...new Set(items)];

/**
 * What one ledger entry says to the citizen it is about, in her language: only codes the
 * catalogue and the service definitions know are turned into words; free text a writer put in
 * the entry is used only when it is a law the catalogue names (so it can be said in both languages).
 */
export function describeAccess(e: AccessEvent, citizenId: string, locale: string): AccessWords {
  const recordTypes = e.recordTypes.filter(isRecordType);
  const service = e.serviceCode ? findService(e.serviceCode) : undefined;
  const forRecords = recordTypes.flatMap((r) => {
    const purpose = service?.evidence.find((ev) => ev.recordType === r)?.purpose;
    return purpose ? [pick(locale, purpose)] : [];
  });
  const servicePurpose =
    e.serviceCode && Object.hasOwn(PURPOSES, e.serviceCode)
      ? [pick(locale, PURPOSES[e.serviceCode as keyof typeof PURPOSES])]
      : [];
  const named = e.legalBasis
    ? DATA_CATALOGUE.find((c) => c.legalBasis.en === e.legalBasis || c.legalBasis.zh === e.legalBasis)
    : undefined;
  const legalBases =
    recordTypes.length > 0
      ? recordTypes.map((r) => pick(locale, catalogueEntry(r).legalBasis))
      : named
        ? [pick(locale, named.legalBasis)]
        : [];
  const own = e.actorId !== null && e.actorId === citizenId;
  return {
    who: whoOf(e, own),
    office: e.department ?? (own ? null : e.actorOffice),
    purposes: unique(forRecords.length > 0 ? forRecords : servicePurpose),
    legalBases: unique(legalBases),
    recordTypes,
    // An admin search's "fields" are the filters it used, not details of hers.
    fields: e.action === "admin-search" ? [] : e.fields,
  };
}

function whoOf(e: AccessEvent, own: boolean): AccessWho {
  if (own) return e.action === "sign-in" && e.outcome !== "success" ? { kind: "attempt" } : { kind: "you" };
  if (e.actorRole === "SYSTEM") return { kind: "system" };
  if (e.actorId && e.actorRole) return { kind: "staff", role: e.actorRole, office: e.actorOffice };
  return { kind: "unknown" };
}
