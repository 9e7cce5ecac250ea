import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "@/testing/database";
import { countWorkingDays, workingDayCountSchema } from "./count-working-days";

const db = testDb();
afterAll(async () => {
  await db.$disconnect();
});

describe("counting working days on the stored calendar (PostgreSQL)", () => {
  it("lands a deadline across National Day 2026 on the official date, the 调休 Saturday", async () => {
    // Started Monday 28 September with 5 working days: the 29th, the 30th, then the holiday
    // (1–7 October), then the 8th, the 9th and the working Saturday the 10th.
    expect(await countWorkingDays("2026-09-28", 5, db)).toBe("2026-10-10");
    // Weekdays only would have said Monday 5 October, inside the holiday.
    expect(await countWorkingDays("2026-09-28", 1, db)).toBe("2026-09-29");
  });

  it("counts a start on a day off from the next working day", async () => {
    expect(await countWorkingDays("2026-10-03", 1, db)).toBe("2026-10-08");
  });
});

describe("the counter's input", () => {
  it("takes a real date and 1 to 365 working days", () => {
    expect(workingDayCountSchema.parse({ from: "2026-09-28", days: " 5 " })).toEqual({ from: "2026-09-28", days: 5 });
  });

  it.each([
    [{ from: "2026-02-30", days: "5" }, "day-invalid"],
    [{ from: "", days: "5" }, "day-invalid"],
    [{ from: "<script>", days: "5" }, "day-invalid"],
    [{ from: "2026-09-28", days: "0" }, "days-invalid"],
    [{ from: "2026-09-28", days: "366" }, "days-invalid"],
    [{ from: "2026-09-28", days: "1e3" }, "days-invalid"],
    [{ from: "2026-09-28", days: "-1" }, "days-invalid"],
  ])("refuses %j with %s", (input, code) => {
    const parsed = workingDayCountSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect([...new Set(parsed.error?.issues.map((i) => i.message))]).toEqual([code]);
  });
});
