import type { Db, Role } from "@visit-once/prisma";
import { db as defaultDb } from "../db";

export interface StaffAccountRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  departmentCode: string | null;
  enrolled: boolean;
  openSessions: number;
}

/** Every staff account with whether its second factor is set up and how many sessions are open (not yet revoked). */
export async function listStaffAccounts(db: Db = defaultDb()): Promise<StaffAccountRow[]> {
  const users = await db.user.findMany({
    where: { role: { in: ["CASEWORKER", "OFFICER", "ADMIN"] } },
    orderBy: [{ role: "asc" }, { email: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      departmentCode: true,
      totpEnabledAt: true,
      _count: { select: { sessions: { where: { revokedAt: null } } } },
    },
  });
  return users.map(({ totpEnabledAt, _count, ...u }) => ({ ...u, enrolled: totpEnabledAt !== null, openSessions: _count.sessions }));
}
