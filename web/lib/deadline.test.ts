import type { WorkingCalendar } from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { deadline } from "./deadline";

const nationalDay: WorkingCalendar = {
  from: "2026-09-01",
  to: "2026-10-31",
  holidays: ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"],
  workdays: ["2026-09-20", "2026-10-10"],
};

describe("deadline", () => {
  it("counts the working days left across National Day, to the Beijing day", () => {
    // Monday 2026-09-28 10:00 in Beijing; due Saturday 2026-10-10 (a 调休 working day) 10:00.
    expect(deadline("2026-10-10T02:00:00Z", new Date("2026-09-28T02:00:00Z"), nationalDay)).toEqual({
      day: "2026-10-10",
      left: 5,
      passed: false,
    });
    // Without the calendar the holiday would count as seven working days left.
    expect(deadline("2026-10-10T02:00:00Z", new Date("2026-09-28T02:00:00Z")).left).toBe(9);
  });
  it("on the due day: none left, not yet passed; after the due time: passed", () => {
    expect(deadline("2026-10-10T02:00:00Z", new Date("2026-10-09T20:00:00Z"), nationalDay)).toEqual({
      day: "2026-10-10",
      left: 0,
      passed: false,
    });
    expect(deadline("2026-10-10T02:00:00Z", new Date("2026-10-10T03:00:00Z"), nationalDay)).toEqual({
      day: "2026-10-10",
      left: 0,
      passed: true,
    });
  });
});
