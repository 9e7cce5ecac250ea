import { createHash } from "node:crypto";

/** The first entry's `prevHash`: there is nothing before it. */
export const GENESIS_HASH = "0".repeat(64);

/** What an entry says, as stored: everything but its place in the chain (seq, prevHash, hash). */
export interface EntryContent {
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  actorOffice: string | null;
  subjectId: string | null;
  action: string;
  department: string | null;
  recordTypes: string[];
  fields: string[];
  purpose: string | null;
  legalBasis: string | null;
  serviceCode: string | null;
  applicationId: string | null;
  consent: string | null;
  requestId: string | null;
  idempotencyKey: string | null;
  outcome: string;
}

/**
 * The canonical serialisation: a JSON array in a fixed order, so the same content always gives
 * the same bytes (no object-key ordering to agree on). A new column goes at the end, with a
 * version bump, so old entries still verify.
 */
export function canonicalContent(c: EntryContent): string {
  return JSON.stringify([
    1,
    c.at.toISOString(),
    c.actorId,
    c.actorRole,
    c.actorOffice,
    c.subjectId,
    c.action,
    c.department,
    c.recordTypes,
    c.fields,
    c.purpose,
    c.legalBasis,
    c.serviceCode,
    c.applicationId,
    c.consent,
    c.requestId,
    c.idempotencyKey,
    c.outcome,
  ]);
}

/** SHA-256 over the previous entry's hash and this entry's canonical content (hex). */
export function entryHash(content: EntryContent, prevHash: string): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalContent(content)).digest("hex");
}
