import { notFound } from "next/navigation";
import { cache } from "react";
import { isStepOffice } from "@visit-once/workflows/contracts";
import { authorise } from "../access/authorise";
import { requireUser, type SessionUser } from "../session";
import { STAFF_ROLES } from "../staff/staff-home";

/**
 * For the detailed statistics pages: an office's own figures (its officers, administrators) or
 * every office's (`null`: administrators), else the standard 404 — for an office that does not exist too.
 */
export const requireStatistics = cache(async (office: string | null): Promise<SessionUser> => {
  const user = await requireUser(STAFF_ROLES);
  if (office !== null && !isStepOffice(office)) notFound();
  if (!(await authorise(user, "read", { kind: "statistics", office }, `statistics:${office ?? "all"}`)).allowed)
    notFound();
  return user;
});
