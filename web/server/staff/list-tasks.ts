import { type Db, Prisma } from "@visit-once/prisma";
import { db as defaultDb } from "../db";
import { PAGE_SIZE } from "./pagination";
import { DONE_TAB_SQL, TASK_TABS, type TaskTab, taskWhere } from "./task-tabs";

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
/** A done tab's row as SQL returns it: the application's columns beside the step's. */
type FlatTaskRow = Omit<TaskRow, "application"> & TaskRow["application"];

/**
 * One page of an office's department steps in one tab, soonest due first, with every tab's count.
 * The done tab is read in SQL (DONE_TAB_SQL), so its page is the first rows of its partial index.
 */
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
        ? db.$queryRaw<[{ n: number }]>`
            SELECT count(*)::int AS n FROM "ApplicationStep" s WHERE s."departmentCode" = ${office} AND ${DONE_TAB_SQL}`
        : db.applicationStep.count({ where: taskWhere(office, t, now) }),
    ),
  ]);
  const tabCounts = Object.fromEntries(TASK_TABS.map((t, i) => [t, countOf(counts[i]!)])) as Record<TaskTab, number>;
  return { items: items.map(asTaskRow), counts: tabCounts, total: tabCounts[tab] };
}

/** The done tab's page: the first rows of the office's part of "ApplicationStep_office_done_idx". */
export const donePageSql = (office: string, skip: number) => Prisma.sql`
  SELECT s."applicationId", s."key", s."status", s."dueAt", s."startedAt", s."completedAt",
         a."serviceCode", a."submittedAt"
  FROM "ApplicationStep" s JOIN "Application" a ON a."id" = s."applicationId"
  WHERE s."departmentCode" = ${office} AND ${DONE_TAB_SQL}
  ORDER BY s."dueAt" ASC NULLS LAST, s."applicationId", s."key"
  LIMIT ${PAGE_SIZE} OFFSET ${skip}`;

const countOf = (c: number | [{ n: number }]) => (typeof c === "number" ? c : c[0].n);

function asTaskRow(row: TaskRow | FlatTaskRow): TaskRow {
  if ("application" in row) return row;
  const { serviceCode, submittedAt, ...step } = row;
  return { ...step, application: { serviceCode, submittedAt } };
}
