// The calendar activity on the real, migrated PostgreSQL (seeded from chinese-days by
// migrate deploy), and the deadline the workflow computes from what it returns.
import type { Db } from "@visit-once/prisma";
import { addWorkingDays, cstDay } from "@visit-once/workflows/working-days";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../testing/database";
import { createOrchestratorActivities } from "./orchestrator-activities";

let db: Db;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db?.$disconnect();
});

const load = (from: string, to: string) => createOrchestratorActivities(db).loadWorkingCalendar({ from, to });

describe("loadWorkingCalendar", () => {
  it("returns the 2026 National Day holiday and its 调休 working days, and nothing outside the range", async () => {
    const calendar = await load("2026-09-28", "2026-10-31");
    expect(calendar).toEqual({
      from: "2026-09-28",
      to: "2026-10-31",
      holidays: ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"],
      workdays: ["2026-10-10"],
    });
  });

  it("gives the official due date: 2026-09-28 plus 5 working days is 2026-10-10", async () => {
    const start = Date.parse("2026-09-28T02:00:00Z");
    expect(cstDay(addWorkingDays(start, 5, await load("2026-09-28", "2027-11-01")))).toBe("2026-10-10");
  });

  it("refuses a range that is not two days in order", async () => {
    await expect(load("2026-10-31", "2026-09-28")).rejects.toThrow(/two days in order/);
    await expect(load("2026-9-28", "2026-10-31")).rejects.toThrow(/YYYY-MM-DD/);
  });
});
