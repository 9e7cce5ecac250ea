import { describe, expect, it } from "vitest";
import { beijingDay, formatCivilDay, formatDay, sameBeijingYear } from "./dates";

// 2026-11-30 16:30 UTC is already 1 December in Beijing: the certificate's and the pages' day.
const lateUtc = new Date("2026-11-30T16:30:00Z");

describe("dates in Beijing", () => {
  it("formats the Beijing day, not the UTC day, in both languages", () => {
    expect(formatDay(lateUtc, "zh-CN")).toBe("2026年12月1日");
    expect(formatDay(lateUtc, "en")).toBe("1 December 2026");
    expect(formatDay(lateUtc, "zh-CN", { withYear: false })).toBe("12月1日");
    expect(beijingDay(lateUtc)).toBe("2026-12-01");
  });
  it("names a civil date's weekday", () => {
    expect(formatCivilDay("2026-10-10", "zh-CN")).toBe("10月10日星期六");
    expect(formatCivilDay("2026-10-10", "en")).toBe("Saturday 10 October");
  });
  it("compares years in Beijing", () => {
    expect(sameBeijingYear(new Date("2026-12-31T16:30:00Z"), new Date("2027-01-05T00:00:00Z"))).toBe(true);
    expect(sameBeijingYear(new Date("2026-12-31T15:30:00Z"), new Date("2027-01-05T00:00:00Z"))).toBe(false);
  });
});
