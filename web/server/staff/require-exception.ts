import { notFound } from "next/navigation";
import { cache } from "react";
import { authorise } from "../access/authorise";
import { recordRefusedUse } from "../ledger/record-refused-use";
import { USE_PURPOSES } from "../ledger/use-entries";
import { requireUser, type SessionUser } from "../session";
import { findExceptionCase } from "./find-exception-case";
import { STAFF_ROLES } from "./staff-home";

/**
 * A member of staff who may read this exception and the case around it; else the standard 404.
 * Checked once per request: the layout and its page share the answer. A refusal goes on the access ledger.
 */
export const requireException = cache(async (exceptionId: string): Promise<SessionUser> => {
  const user = await requireUser(STAFF_ROLES);
  const x = await findExceptionCase(exceptionId);
  if (!x) notFound();
  const label = `case:${x.applicationId}/exception:${x.id}`;
  const allowed =
    (await authorise(user, "read", { kind: "exception", claimedById: x.claimedById }, label)).allowed &&
    // A caseworker reads the case's records only because it has an exception.
    (
      await authorise(
        user,
        "read",
        { kind: "case", citizenId: x.citizenId, hasExceptions: true },
        `case:${x.applicationId}`,
      )
    ).allowed;
  if (!allowed) {
    await recordRefusedUse(user, "staff-view", x.applicationId, USE_PURPOSES.exception);
    notFound();
  }
  return user;
});
