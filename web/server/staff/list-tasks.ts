import type { Db } from "@visit-once/prisma";
import { db as defaultDb } from "../db";
import { PAGE_SIZE } from "./pagination";
import { TASK_TABS, type TaskTab, taskWhere } from "./task-tabs";

/** One page of an office's department steps in one tab, soonest due first, with every tab's count. */
export async function listTasks(office: string, tab: TaskTab, page: number, now: Date, db: Db = defaultDb()) {
  const [items, ...counts] = await db.$transaction([
    db.applicationStep.findMany({
      where: taskWhere(office, tab, now),
      orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { applicationId: "asc" }, { key: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        applicationId: true,
        key: true,
        status: true,
        dueAt: true,
        startedAt: true,
        completedAt: true,
        application: { select: { serviceCode: true, submittedAt: true } },
      },
    }),
    ...TASK_TABS.map((t) => db.applicationStep.count({ where: taskWhere(office, t, now) })),
  ]);
  const tabCounts = Object.fromEntries(TASK_TABS.map((t, i) => [t, counts[i] ?? 0])) as Record<TaskTab, number>;
  return { items, counts: tabCounts, total: tabCounts[tab] };
}
