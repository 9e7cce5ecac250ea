import type { SessionUser } from "../sessions/session-user";
import type { LedgerFilters } from "./list-access-events";
import { recordAccess } from "./record-access";

/** A search of the ledger is itself a use of the data it shows: the filters an admin used (not their values, but the case) go on the ledger. */
export async function recordAdminSearch(user: SessionUser, filters: LedgerFilters): Promise<void> {
  const used = (["action", "case", "actor"] as const).filter((k) => filters[k] !== undefined);
  if (used.length === 0) return;
  await recordAccess([
    {
      actor: { id: user.id, role: user.role, office: user.departmentCode },
      subjectId: null,
      action: "admin-search",
      fields: used,
      applicationId: filters.case ?? null,
      purpose: "Access ledger search by an administrator",
      outcome: "allowed",
    },
  ]);
}
