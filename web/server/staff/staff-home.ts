import type { Role } from "@visit-once/prisma";

/** Everyone who works a staff page; citizens never do. */
export const STAFF_ROLES: readonly Role[] = ["CASEWORKER", "OFFICER", "ADMIN"];

/** Where each staff role starts its day. */
export function staffHome(role: Role): string {
  switch (role) {
    case "CASEWORKER":
      return "/staff/exceptions";
    case "OFFICER":
      return "/staff/tasks";
    case "ADMIN":
      return "/staff/board";
    default:
      return "/";
  }
}
