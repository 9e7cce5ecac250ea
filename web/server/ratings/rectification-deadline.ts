import type { Db } from "@visit-once/prisma";
import { readWorkingCalendar } from "@visit-once/prisma/working-calendar";
import { addWorkingDays, cstDay } from "@visit-once/workflows/working-days";

/** An office answers a bad rating within this many working days (the 好差评 rule's 整改 time limit). */
export const RECTIFICATION_WORKING_DAYS = 5;

/** Far enough ahead to cover five working days across the longest holiday (Spring Festival) with room to spare. */
const CALENDAR_AHEAD_MS = 60 * 86_400_000;

/** When a rectification opened at `nowMs` is due: five working days later, on the working calendar. */
export async function rectificationDueAt(db: Db, nowMs: number): Promise<Date> {
  const calendar = await readWorkingCalendar(db, { from: cstDay(nowMs), to: cstDay(nowMs + CALENDAR_AHEAD_MS) });
  return new Date(addWorkingDays(nowMs, RECTIFICATION_WORKING_DAYS, calendar));
}

/** Overdue: not answered by its due time, or answered after it. */
export function isRectificationOverdue(r: { dueAt: Date; repliedAt: Date | null }, nowMs: number): boolean {
  return r.repliedAt === null ? r.dueAt.getTime() < nowMs : r.repliedAt.getTime() > r.dueAt.getTime();
}
