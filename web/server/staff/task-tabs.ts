import type { Prisma } from "@visit-once/prisma";

export const TASK_TABS = ["awaiting", "overdue", "citizen", "done"] as const;
export type TaskTab = (typeof TASK_TABS)[number];

export function parseTaskTab(value: string | string[] | undefined): TaskTab {
  const raw = Array.isArray(value) ? value[0] : value;
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
      return { ...mine, status: { in: ["DONE", "REJECTED", "REVOKED", "CANCELLED"] } };
  }
}
