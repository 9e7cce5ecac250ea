import { type Db, Prisma } from "@visit-once/prisma";
import { type CaseStatus, FINAL_STATUSES } from "@visit-once/workflows/contracts";

// The one writer of a case's status on its application row (the pages read it there). Every
// move is guarded on the statuses it may come from, so a retried or late write never moves a
// case backwards, and a closed case never moves at all.

type Writer = Pick<Db, "application"> | Pick<Prisma.TransactionClient, "application">;

interface TransitionOptions {
  /** The statuses the case may move from; by default any but a final one. */
  from?: readonly CaseStatus[];
  /** What changes with the status (a final status's reasons and time). */
  data?: Omit<Prisma.ApplicationUpdateManyMutationInput, "status">;
  /** A further guard on the row (e.g. a time not yet set). */
  where?: Omit<Prisma.ApplicationWhereInput, "id" | "status">;
}

/** Moves the case to `to` if it is in one of `from`; the count says whether it moved (1) or not (0). */
export function transition(
  db: Writer,
  applicationId: string,
  to: CaseStatus,
  { from, data, where }: TransitionOptions = {},
) {
  const guard = from ? { in: [...from] } : { notIn: [...FINAL_STATUSES] };
  return db.application.updateMany({
    where: { ...where, id: applicationId, status: guard },
    data: { ...data, status: to },
  });
}

/**
 * The same move as one SQL statement, for a write that must stay one statement with others
 * (it is on every case's critical path). Its `from` is required: raw SQL gets no default.
 */
export function transitionSql(applicationId: string, to: CaseStatus, from: readonly CaseStatus[]): Prisma.Sql {
  return Prisma.sql`UPDATE "Application" SET "status" = ${to}::"ApplicationStatus", "updatedAt" = now()
        WHERE "id" = ${applicationId}::uuid AND "status" = ANY(${[...from]}::"ApplicationStatus"[])`;
}
