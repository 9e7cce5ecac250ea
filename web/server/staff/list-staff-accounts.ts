import type { Db, Prisma, Role } from "@visit-once/prisma";
import { db as defaultDb } from "../db";
import { PAGE_SIZE } from "./pagination";

export interface StaffAccountRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  departmentCode: string | null;
  enrolled: boolean;
  openSessions: number;
  active: boolean;
  /** Invited, and the person has not yet set their password. */
  invited: boolean;
}

const STAFF: Role[] = ["CASEWORKER", "OFFICER", "ADMIN"];

/** A search over name, email or office (case-insensitive), at most 100 characters; blank is everyone. */
export function staffSearch(query: string | undefined): Prisma.UserWhereInput {
  const q = (query ?? "").trim().slice(0, 100);
  const where: Prisma.UserWhereInput = { role: { in: STAFF } };
  if (!q) return where;
  return {
    ...where,
    OR: [
      { name: { contains: q, mode: "insensitive" } },
      { email: { contains: q, mode: "insensitive" } },
      { departmentCode: { contains: q, mode: "insensitive" } },
    ],
  };
}

/**
 * A page of staff accounts (by role, then email) matching the search, with whether each has set
 * up its second factor, how many sessions are open, whether it is active and still only invited.
 */
export async function listStaffAccounts(
  { query, page = 1 }: { query?: string; page?: number } = {},
  db: Db = defaultDb(),
): Promise<{ rows: StaffAccountRow[]; total: number }> {
  const where = staffSearch(query);
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ role: "asc" }, { email: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        departmentCode: true,
        totpEnabledAt: true,
        deactivatedAt: true,
        _count: { select: { sessions: { where: { revokedAt: null } }, invitations: { where: { usedAt: null } } } },
      },
    }),
  ]);
  const rows = users.map(({ totpEnabledAt, deactivatedAt, _count, ...u }) => ({
    ...u,
    enrolled: totpEnabledAt !== null,
    openSessions: _count.sessions,
    active: deactivatedAt === null,
    invited: _count.invitations > 0,
  }));
  return { rows, total };
}

/** One staff account, for its page; null for a citizen's or an unknown id. */
export async function findStaffAccount(id: string, db: Db = defaultDb()): Promise<StaffAccountRow | null> {
  const u = await db.user.findFirst({
    where: { id, role: { in: STAFF } },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      departmentCode: true,
      totpEnabledAt: true,
      deactivatedAt: true,
      _count: { select: { sessions: { where: { revokedAt: null } }, invitations: { where: { usedAt: null } } } },
    },
  });
  if (!u) return null;
  const { totpEnabledAt, deactivatedAt, _count, ...rest } = u;
  return {
    ...rest,
    enrolled: totpEnabledAt !== null,
    openSessions: _count.sessions,
    active: deactivatedAt === null,
    invited: _count.invitations > 0,
  };
}
