import { Prisma, type StepStatus } from "@visit-once/prisma";
import { firstParam, type SearchParam } from "@/lib/pagination";

export const TASK_TABS = ["awaiting", "overdue", "citizen", "done"] as const;
export type TaskTab = (typeof TASK_TABS)[number];

/** The statuses of a step that is over: decided, withdrawn or stopped. */
export const FINISHED_STEP_STATUSES = [
  "DONE",
  "REJECTED",
  "REVOKED",
  "CANCELLED",
] as const satisfies readonly StepStatus[];

export function parseTaskTab(value: SearchParam): TaskTab {
  const raw = firstParam(value);
  return TASK_TABS.find((t) => t === raw) ?? "awaiting";
}

/** One office's department steps in one tab. The office is always part of the filter. */
export function taskWhere(office: string, tab: TaskTab, now: Date): Prisma.ApplicationStepWhereInput {
  const mine = { kind: "DEPARTMENT", departmentCode: office } as const;
  switch (tab) {
    case "awaiting":
      return { ...mine, status: "AWAITING_DECISION" };
    case "overdue":
      return { ...mine, status: "AWAITING_DECISION", dueAt: { lt: now } };
    case "citizen":
      return { ...mine, status: "AWAITING_CITIZEN" };
    case "done":
      // A step cancelled before it reached the office (never started) was never the office's.
      return { ...mine, status: { in: [...FINISHED_STEP_STATUSES] }, startedAt: { not: null } };
  }
}

/**
 * The done tab's filter in SQL over "ApplicationStep" s: the rows of taskWhere(office, "done") but
 * the office's, written with literals so that PostgreSQL matches it to the partial index
 * "ApplicationStep_office_done_idx" (migration 20261202180000_office_done_index; Prisma sends enum
 * values as parameters, which never match one). list-tasks.test.ts holds the two filters to the
 * same rows, and the done page to that index.
 */
export const DONE_TAB_SQL = Prisma.raw(
  `s."kind" = 'DEPARTMENT' AND s."status" IN (${FINISHED_STEP_STATUSES.map((st) => `'${st}'`).join(", ")}) AND s."startedAt" IS NOT NULL`,
);
