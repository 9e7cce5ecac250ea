import type { Role } from "@visit-once/prisma";

/** Who is signed in, as pages, route handlers and server actions see them. */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  departmentCode: string | null;
}

/** Roles that give a second factor (TOTP) after the password. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ["CASEWORKER", "OFFICER", "ADMIN"];
