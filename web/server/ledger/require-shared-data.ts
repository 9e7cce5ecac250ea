import { notFound } from "next/navigation";
import { cache } from "react";
import { isStepOffice, type StepOffice } from "@visit-once/workflows/contracts";
import { authorise } from "../access/authorise";
import { requireUser, type SessionUser } from "../session";

/**
 * For the "our data, shared" page and its layout: a signed-in person allowed to read the office's
 * shared data (its officers, administrators), else the standard 404 — for a citizen too, and for
 * an office that does not exist. Checked once per request.
 */
export const requireSharedData = cache(async (office: string): Promise<{ user: SessionUser; office: StepOffice }> => {
  const user = await requireUser();
  if (!isStepOffice(office)) notFound();
  if (!(await authorise(user, "list", { kind: "shared-data", office }, `shared-data:${office}`)).allowed) notFound();
  return { user, office };
});

/** Where "our data, shared" opens: an officer's own office; an administrator starts at the first and chooses another on the page. */
export function homeOffice(user: Pick<SessionUser, "departmentCode">): string {
  return user.departmentCode ?? ("public-security" satisfies StepOffice);
}
