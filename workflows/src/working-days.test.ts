import { describe, expect, it } from "vitest";
import { addWorkingDays, cstDay } from "./working-days";

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
