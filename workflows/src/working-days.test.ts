import { describe, expect, it } from "vitest";
import type { WorkingCalendar } from "./contracts/working-calendar";
import { addWorkingDays, cstDay, isWorkingDay, workingDaysLeft } from "./working-days";

// 2026-11-27 is a Friday; 10:00 in Beijing is 02:00 UTC.
const friday = Date.parse("2026-11-27T02:00:00Z");

describe("addWorkingDays", () => {
  it("skips the weekend", () => {
    expect(new Date(addWorkingDays(friday, 1)).toISOString()).toBe("2026-11-30T02:00:00.000Z");
    expect(new Date(addWorkingDays(friday, 5)).toISOString()).toBe("2026-12-04T02:00:00.000Z");
  });
  it("counts a weekend start from Monday", () => {
    const saturday = Date.parse("2026-11-28T02:00:00Z");
    expect(new Date(addWorkingDays(saturday, 1)).toISOString()).toBe("2026-11-30T02:00:00.000Z");
  });
  it("uses the Beijing date, not UTC: Friday 23:30 UTC is already Saturday in Beijing", () => {
    const lateFriday = Date.parse("2026-11-27T23:30:00Z");
    expect(cstDay(lateFriday)).toBe("2026-11-28");
    // Monday 07:30 in Beijing.
    expect(new Date(addWorkingDays(lateFriday, 1)).toISOString()).toBe("2026-11-29T23:30:00.000Z");
  });
  it("zero days is now", () => {
    expect(addWorkingDays(friday, 0)).toBe(friday);
  });
});

// The State Council's 2026 arrangements, as the chinese-days package and so the calendar table hold them.
const calendar2026: WorkingCalendar = {
  from: "2026-01-01",
  to: "2026-12-31",
  holidays: [
    ...["15", "16", "17", "18", "19", "20", "21", "22", "23"].map((d) => `2026-02-${d}`),
    ...["25", "26", "27"].map((d) => `2026-09-${d}`),
    ...["01", "02", "03", "04", "05", "06", "07"].map((d) => `2026-10-${d}`),
  ],
  workdays: ["2026-02-14", "2026-02-28", "2026-09-20", "2026-10-10"],
};
/** 10:00 in Beijing on a day. */
const at10 = (day: string) => Date.parse(`${day}T02:00:00Z`);
const dueDay = (from: string, days: number, calendar?: WorkingCalendar) =>
  cstDay(addWorkingDays(at10(from), days, calendar));

describe("addWorkingDays with the holiday calendar", () => {
  it("National Day: a step started Monday 2026-09-28 with 5 working days is due Saturday 2026-10-10, a 调休 working day", () => {
    expect(dueDay("2026-09-28", 5, calendar2026)).toBe("2026-10-10");
    expect(new Date(addWorkingDays(at10("2026-09-28"), 5, calendar2026)).toISOString()).toBe(
      "2026-10-10T02:00:00.000Z",
    );
    // Without the calendar (cases started before it), the old weekday rule lands inside the holiday.
    expect(dueDay("2026-09-28", 5)).toBe("2026-10-05");
  });
  it("Spring Festival: nine days off, with working Saturdays before and after", () => {
    // Friday 02-13 + 1: Saturday 02-14 is a working day.
    expect(dueDay("2026-02-13", 1, calendar2026)).toBe("2026-02-14");
    // Saturday 02-14 + 1: the holiday runs 02-15..02-23, so Tuesday 02-24.
    expect(dueDay("2026-02-14", 1, calendar2026)).toBe("2026-02-24");
    // Tuesday 02-24 + 4: 25, 26, 27, and Saturday 02-28 is a working day.
    expect(dueDay("2026-02-24", 4, calendar2026)).toBe("2026-02-28");
  });
  it("a 调休 Sunday counts: Friday 2026-09-18 + 1 is Sunday 2026-09-20", () => {
    expect(isWorkingDay(at10("2026-09-20"), calendar2026)).toBe(true);
    expect(dueDay("2026-09-18", 1, calendar2026)).toBe("2026-09-20");
  });
  it("a start inside the holiday counts from the first working day after it", () => {
    expect(dueDay("2026-10-03", 1, calendar2026)).toBe("2026-10-08");
  });
  it("outside the calendar's range the weekday rule holds", () => {
    const narrow = { ...calendar2026, from: "2026-10-02", to: "2026-10-05" };
    expect(isWorkingDay(at10("2026-10-01"), narrow)).toBe(true);
    expect(isWorkingDay(at10("2026-10-02"), narrow)).toBe(false);
    expect(isWorkingDay(at10("2026-10-10"), narrow)).toBe(false);
  });
});

describe("workingDaysLeft", () => {
  it("counts the working days after today up to and including the due day", () => {
    expect(workingDaysLeft(at10("2026-09-28"), addWorkingDays(at10("2026-09-28"), 5, calendar2026), calendar2026)).toBe(
      5,
    );
    expect(workingDaysLeft(at10("2026-10-09"), at10("2026-10-10"), calendar2026)).toBe(1);
  });
  it("is 0 on the due day and after it", () => {
    expect(workingDaysLeft(at10("2026-10-10"), at10("2026-10-10"), calendar2026)).toBe(0);
    expect(workingDaysLeft(at10("2026-10-12"), at10("2026-10-10"), calendar2026)).toBe(0);
  });
  it("uses the Beijing day: late on the day before, in UTC, is already the due day in Beijing", () => {
    expect(workingDaysLeft(Date.parse("2026-12-03T17:00:00Z"), Date.parse("2026-12-04T02:00:00Z"))).toBe(0);
  });
});
