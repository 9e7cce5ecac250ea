import { notFound } from "next/navigation";
import { cache } from "react";
import { authorise } from "../access/authorise";
import { recordRefusedUse } from "../ledger/record-refused-use";
import { taskPurpose } from "../ledger/use-entries";
import { stepLabel } from "../localised";
import { requireUser, type SessionUser } from "../session";
import { findTaskOffice } from "./find-task-office";
import { STAFF_ROLES } from "./staff-home";

/**
 * An officer of the office deciding this step, once the step has reached that office; anyone
 * else, a step not yet offered, or a step that is not there, gets the standard 404. Checked once
 * per request: the layout and its page share the answer. A refusal goes on the access ledger.
 */
export const requireTask = cache(async (applicationId: string, stepKey: string): Promise<SessionUser> => {
  const user = await requireUser(STAFF_ROLES);
  const task = await findTaskOffice(applicationId, stepKey);
  if (!task) notFound();
  if (!(await authorise(user, "read", { kind: "task", ...task }, `case:${applicationId}/step:${stepKey}`)).allowed) {
    await recordRefusedUse(user, "staff-view", applicationId, taskPurpose(stepLabel("en", task.serviceCode, stepKey)));
    notFound();
  }
  return user;
});
