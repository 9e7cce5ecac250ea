import type { Db } from "@visit-once/prisma";
import { masked } from "../at-rest/masked";
import { db as defaultDb } from "../db";
import { type ExceptionFilters, exceptionWhere } from "./exception-filters";
import { PAGE_SIZE } from "./pagination";

/** One page of the caseworkers' exception queue, soonest due first. */
export async function listExceptions(filters: ExceptionFilters, now: Date, db: Db = defaultDb()) {
  const where = exceptionWhere(filters, now);
  const [total, items] = await db.$transaction([
    db.caseException.count({ where }),
    db.caseException.findMany({
      where,
      orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      skip: (filters.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        applicationId: true,
        kind: true,
        status: true,
        departmentCode: true,
        recordType: true,
        stepKey: true,
        conflict: true,
        summary: true,
        blocking: true,
        dueAt: true,
        claimedById: true,
        application: { select: { serviceCode: true } },
      },
    }),
  ]);
  // A conflict over parents names identity numbers: the queue shows them masked.
  return { total, items: masked(items) };
}
