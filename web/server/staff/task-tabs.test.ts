import { describe, expect, it } from "vitest";
import { parseTaskTab, TASK_TABS, taskWhere } from "./task-tabs";

const now = new Date("2026-11-27T00:00:00Z");

describe("task tabs", () => {
  it("defaults to the awaiting tab", () => {
    expect(parseTaskTab(undefined)).toBe("awaiting");
    expect(parseTaskTab("everything")).toBe("awaiting");
    expect(parseTaskTab(["done"])).toBe("done");
  });

  it("always keeps to the officer's own office and department steps", () => {
    for (const tab of TASK_TABS)
      expect(taskWhere("health", tab, now)).toMatchObject({ kind: "DEPARTMENT", departmentCode: "health" });
  });

  it("filters each tab by status, overdue by due date", () => {
    expect(taskWhere("health", "awaiting", now).status).toBe("AWAITING_DECISION");
    expect(taskWhere("health", "overdue", now)).toMatchObject({ status: "AWAITING_DECISION", dueAt: { lt: now } });
    expect(taskWhere("health", "citizen", now).status).toBe("AWAITING_CITIZEN");
    expect(taskWhere("health", "done", now)).toMatchObject({
      status: { in: ["DONE", "REJECTED", "REVOKED", "CANCELLED"] },
      startedAt: { not: null },
    });
  });
});
