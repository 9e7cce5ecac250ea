import { notFound } from "next/navigation";
import { cache } from "react";
import { authorise } from "../access/authorise";
import { requireUser, type SessionUser } from "../session";
import { STAFF_ROLES } from "../staff/staff-home";

/**
 * For the rectification pages: an officer (her office's tasks) or an administrator (every
 * office's, to read), else the standard 404. `office`: whose list, null for every office.
 */
export const requireRectifications = cache(async (): Promise<{ user: SessionUser; office: string | null }> => {
  const user = await requireUser(STAFF_ROLES);
  const office = user.role === "ADMIN" ? null : user.departmentCode;
  // An administrator is checked against one office: the policy gives her every office's alike.
  const resource = { kind: "rectification" as const, office: office ?? "public-security" };
  if (
    (user.role !== "ADMIN" && !office) ||
    !(await authorise(user, "list", resource, `rectifications:${office ?? "all"}`)).allowed
  )
    notFound();
  return { user, office };
});
