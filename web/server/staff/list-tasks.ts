import { type Db, Prisma } from "@visit-once/prisma";
import { db as defaultDb } from "../db";
import { PAGE_SIZE } from "./pagination";
import { FINISHED_STEP_STATUSES, TASK_TABS, type TaskTab, taskWhere } from "./task-tabs";

const taskSelect = {
  applicationId: true,
  key: true,
  status: true,
  dueAt: true,
  startedAt: true,
  completedAt: true,
  application: { select: { serviceCode: true, submittedAt: true } },
} as const satisfies Prisma.ApplicationStepSelect;

type TaskRow = Prisma.ApplicationStepGetPayload<{ select: typeof taskSelect }>;

/** One page of an office's department steps in one tab, soonest due first, with every tab's count. */
export async function listTasks(office: string, tab: TaskTab, page: number, now: Date, db: Db = defaultDb()) {
  const skip = (page - 1) * PAGE_SIZE;
  const [items, ...counts] = await db.$transaction([
    tab === "done"
      ? db.$queryRaw<FlatTaskRow[]>(donePageSql(office, skip))
      : db.applicationStep.findMany({
          where: taskWhere(office, tab, now),
          orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { applicationId: "asc" }, { key: "asc" }],
          skip,
          take: PAGE_SIZE,
          select: taskSelect,
        }),
    ...TASK_TABS.map((t) =>
      t === "done"
        ? db.$queryRaw<{ n: number }[]>`
            SELECT count(*)::int AS n FROM "ApplicationStep" s WHERE s."departmentCode" = ${office} AND ${DONE_PREDICATE}`
        : db.applicationStep.count({ where: taskWhere(office, t, now) }),
    ),
  ]);
  const tabCounts = Object.fromEntries(
    TASK_TABS.map((t, i) => {
      const c = counts[i];
      return [t, typeof c === "number" ? c : (c?.[0]?.n ?? 0)];
    }),
  ) as Record<TaskTab, number>;
  const rows: TaskRow[] = tab === "done" ? (items as FlatTaskRow[]).map(nest) : (items as TaskRow[]);
  return { items: rows, counts: tabCounts, total: tabCounts[tab] };
}

/** The done tab's page: the first rows of the office's part of "ApplicationStep_office_done_idx". */
export const donePageSql = (office: string, skip: number) => Prisma.sql`
  SELECT s."applicationId", s."key", s."status", s."dueAt", s."startedAt", s."completedAt",
         a."serviceCode", a."submittedAt"
  FROM "ApplicationStep" s JOIN "Application" a ON a."id" = s."applicationId"
  WHERE s."departmentCode" = ${office} AND ${DONE_PREDICATE}
  ORDER BY s."dueAt" ASC NULLS LAST, s."applicationId", s."key"
  LIMIT ${PAGE_SIZE} OFFSET ${skip}`;

type FlatTaskRow = Omit<TaskRow, "application"> & TaskRow["application"];

const nest = ({ serviceCode, submittedAt, ...step }: FlatTaskRow): TaskRow => ({
  ...step,
  application: { serviceCode, submittedAt },
});

/**
 * The done tab's filter (taskWhere's "done"), written with literals so that PostgreSQL matches it to
 * the partial index "ApplicationStep_office_done_idx" (Prisma sends enum values as parameters,
 * which never match one): a page is the first rows of that index, not a sort of every finished step.
 */
const DONE_PREDICATE = Prisma.raw(
  `s."kind" = 'DEPARTMENT' AND s."status" IN (${FINISHED_STEP_STATUSES.map((st) => `'${st}'`).join(", ")}) AND s."startedAt" IS NOT NULL`,
);
