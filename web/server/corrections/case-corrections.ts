import "server-only";
import type { Db } from "@visit-once/prisma";
import { masked } from "../at-rest/masked";
import { db as defaultDb } from "../db";

/** A case's corrections at the departments, oldest first, for the citizen whose case it is (the caller has checked that). */
export async function listCaseCorrections(applicationId: string, db: Db = defaultDb()) {
  const rows = await db.correction.findMany({ where: { applicationId }, orderBy: { openedAt: "asc" } });
  return rows.map((c) => ({
    id: c.id,
    department: c.departmentCode,
    recordType: c.recordType,
    status: c.status,
    explanation: masked(c.explanation),
    fields: (masked(c.fields) as { field: string; value: string }[] | null) ?? [],
    reason: c.reason === null ? null : masked(c.reason),
    openedAt: c.openedAt,
    dueAt: c.dueAt,
    closedAt: c.closedAt,
  }));
}
