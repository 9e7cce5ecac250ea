import type { CanonicalRecord } from "./records";

// Acting for someone else (代办). A parent acts for her minor child: the relation is proven from
// the records the departments hold (the household register and the medical birth certificates),
// never from what the parent types. An adult acts for someone else under a mandate, which has a
// scope (services), an expiry and a revocation. Pure functions, used by the workflow that proves
// the relation and by the web that checks a mandate.

export type HouseholdRecord = CanonicalRecord<"household">;
export type BirthCertificate = CanonicalRecord<"birth-certificate">;

/** Why a case is about someone other than its applicant. */
export const ACTING_BASES = ["minor-child", "mandate"] as const;
export type ActingBasis = (typeof ACTING_BASES)[number];

/** The age of majority (《民法典》第十七条). */
export const ADULT_AGE = 18;

/** The calendar day in Beijing (UTC+8) at `at`, YYYY-MM-DD: ages and expiries are counted in Beijing days. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The birth date a national identity number carries (digits 7–14). */
export function birthDateOfNationalId(nationalId: string): string {
  return `${nationalId.slice(6, 10)}-${nationalId.slice(10, 12)}-${nationalId.slice(12, 14)}`;
}

/** Under 18 on the Beijing day `today`: the 18th birthday (a 29 February one falls on 1 March) has not come. */
export function isMinorOn(birthDate: string, today: string): boolean {
  const adultOn = `${String(Number(birthDate.slice(0, 4)) + ADULT_AGE).padStart(4, "0")}${birthDate.slice(4)}`;
  return today < adultOn;
}

/** A child the records prove the parent may act for. */
export interface ProvenChild {
  nationalId: string;
  fullName: string;
  birthDate: string;
  /** The birth certificate that names the parent. */
  certificateNo: string;
}

/** Why a person is not proven to be the parent's minor child: each says what the records show. */
export type ChildRefusal = "no-household" | "not-in-household" | "no-birth-record" | "adult";

export type ChildProof = { ok: true; child: ProvenChild } | { ok: false; reason: ChildRefusal };

/**
 * Whether the records prove `childId` a minor child of `parentId`: both in one household on the
 * Public Security register, a Health Commission birth certificate naming the parent as mother or
 * father for a child of that name born on the day the child's identity number carries, and the
 * child under 18 on the Beijing day `today`.
 */
export function proveMinorChild(
  parentId: string,
  childId: string,
  household: HouseholdRecord | null,
  births: readonly BirthCertificate[],
  today: string,
): ChildProof {
  if (!household || !household.members.some((m) => m.nationalId === parentId))
    return { ok: false, reason: "no-household" };
  const member = household.members.find((m) => m.nationalId === childId && childId !== parentId);
  if (!member) return { ok: false, reason: "not-in-household" };
  const birthDate = birthDateOfNationalId(childId);
  const certificate = births.find(
    (b) =>
      (b.motherNationalId === parentId || b.fatherNationalId === parentId) &&
      b.childName === member.fullName &&
      b.birthDate === birthDate,
  );
  if (!certificate) return { ok: false, reason: "no-birth-record" };
  if (!isMinorOn(birthDate, today)) return { ok: false, reason: "adult" };
  return {
    ok: true,
    child: { nationalId: childId, fullName: member.fullName, birthDate, certificateNo: certificate.certificateNo },
  };
}

/** Every member of the parent's household the records prove her minor child, eldest first. */
export function provenMinorChildren(
  parentId: string,
  household: HouseholdRecord | null,
  births: readonly BirthCertificate[],
  today: string,
): ProvenChild[] {
  if (!household) return [];
  return household.members
    .map((m) => proveMinorChild(parentId, m.nationalId, household, births, today))
    .flatMap((p) => (p.ok ? [p.child] : []))
    .sort((a, b) => a.birthDate.localeCompare(b.birthDate));
}

/** What the relation proof hands back to the web (no record beyond what it needs). */
export interface MinorChildrenResult {
  /** Whether the household register had the parent at all (no household: nothing to prove from). */
  householdFound: boolean;
  children: ProvenChild[];
}

/** The parts of a mandate its standing depends on. */
export interface MandateTerms {
  services: readonly string[];
  /** The last Beijing day it holds, YYYY-MM-DD. */
  expiresOn: string;
  revokedAt: Date | null;
}

/** Why a mandate lets its holder do nothing (now, or for this service). */
export type MandateRefusal = "revoked" | "expired" | "out-of-scope";

/** Whether a mandate lets its holder act now, for `serviceCode` when given: revocation and expiry take effect at once. */
export function mandateStanding(
  m: MandateTerms,
  now: Date,
  serviceCode?: string,
): { ok: true } | { ok: false; reason: MandateRefusal } {
  if (m.revokedAt && m.revokedAt.getTime() <= now.getTime()) return { ok: false, reason: "revoked" };
  if (beijingDay(now) > m.expiresOn) return { ok: false, reason: "expired" };
  if (serviceCode !== undefined && !m.services.includes(serviceCode)) return { ok: false, reason: "out-of-scope" };
  return { ok: true };
}
