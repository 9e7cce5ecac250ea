import type { Prisma } from "@visit-once/prisma";
import { beijingDay } from "@visit-once/workflows/contracts";
import type { Resource } from "../access/policy";

/**
 * The applications a citizen reaches: her own (but not one she started under a mandate since
 * revoked or expired: that ends her reach at once), and those someone applied for on her behalf.
 * The same rule as the policy's, for queries (a case outside it looks absent).
 */
export function citizenCasesWhere(userId: string, now: Date = new Date()): Prisma.ApplicationWhereInput {
  return {
    OR: [
      {
        citizenId: userId,
        OR: [{ mandateId: null }, { mandate: { revokedAt: null, expiresOn: { gte: beijingDay(now) } } }],
      },
      { subjectUserId: userId },
    ],
  };
}

export const CASE_ACCESS_SELECT = {
  citizenId: true,
  subjectUserId: true,
  mandate: { select: { revokedAt: true, expiresOn: true } },
  _count: { select: { exceptions: true } },
} as const;

/** The policy's case resource for an application read with CASE_ACCESS_SELECT. */
export function caseResourceOf(
  app: {
    citizenId: string;
    subjectUserId: string | null;
    mandate: { revokedAt: Date | null; expiresOn: string } | null;
    _count: { exceptions: number };
  },
  now: Date = new Date(),
): Resource {
  const representativeActive =
    !app.mandate || (app.mandate.revokedAt === null && app.mandate.expiresOn >= beijingDay(now));
  return {
    kind: "case",
    citizenId: app.citizenId,
    hasExceptions: app._count.exceptions > 0,
    subjectUserId: app.subjectUserId,
    representativeActive,
  };
}
