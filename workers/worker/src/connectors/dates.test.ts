import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { epochMsToChinaDate, epochSecondsToChinaDate, isoTimestampToChinaDate, yyyymmddToIso } from "./dates";

describe("connector dates", () => {
  it("reads epoch seconds and milliseconds as the same calendar date in China", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_102_444_800 }),
        (s) => epochSecondsToChinaDate(s) === epochMsToChinaDate(s * 1000),
      ),
    );
    expect(epochMsToChinaDate(Date.parse("2019-05-20T23:59:59+08:00"))).toBe("2019-05-20");
  });

  it("reads a timestamp as the calendar date in China, and leaves what is not one as it is", () => {
    expect(isoTimestampToChinaDate("2026-10-01T16:30:00Z")).toBe("2026-10-02");
    expect(isoTimestampToChinaDate("not a time")).toBe("not a time");
  });

  it("spells out a compact date", () => {
    expect(yyyymmddToIso("19920315")).toBe("1992-03-15");
  });
});
