import type { Db } from "../client";
import type { WorkingCalendar } from "@visit-once/workflows/contracts";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar table's exceptions between two days: for a case's deadlines (the worker) and for what is left (the pages). */
export async function readWorkingCalendar(
  db: Db,
  { from, to }: { from: string; to: string },
): Promise<WorkingCalendar> {
  if (!DAY.test(from) || !DAY.test(to) || from > to)
    throw new Error(`readWorkingCalendar needs two days in order, YYYY-MM-DD; got ${from}..${to}`);
  const rows = await db.workingCalendarDay.findMany({
    where: { day: { gte: from, lte: to } },
    select: { day: true, kind: true },
    orderBy: { day: "asc" },
  });
  return {
    from,
    to,
    holidays: rows.filter((r) => r.kind === "HOLIDAY").map((r) => r.day),
    workdays: rows.filter((r) => r.kind === "WORKDAY").map((r) => r.day),
  };
}
