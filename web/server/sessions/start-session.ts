import type { Db, Role, SessionStage } from "@visit-once/prisma";
import { SECOND_FACTOR_ROLES } from "./session-user";

export interface SigningInAccount {
  id: string;
  role: Role;
  departmentCode: string | null;
  totpEnabledAt: Date | null;
}

/** Staff first give their code, or enrol when they have none; citizens are signed in at once. */
export function firstStage(account: SigningInAccount): SessionStage {
  if (!SECOND_FACTOR_ROLES.includes(account.role)) return "ACTIVE";
  return account.totpEnabledAt ? "SECOND_FACTOR" : "ENROLMENT";
}

/** Records a new session after the password (or the identity provider) proved who it is; returns its id. */
export async function startSession(
  db: Db,
  account: SigningInAccount,
  method: "credentials" | "oidc",
  now = new Date(),
): Promise<string> {
  const row = await db.session.create({
    data: {
      userId: account.id,
      role: account.role,
      departmentCode: account.departmentCode,
      stage: firstStage(account),
      method,
      createdAt: now,
      lastSeenAt: now,
    },
    select: { id: true },
  });
  return row.id;
}
