// Deadlines in working days, counted on China Standard Time (UTC+8). Pure: the workflow
// passes its own (replayed) clock and the calendar an activity read for it. Without a
// calendar (cases started before `working-calendar`), Monday to Friday are working days.
import type { WorkingCalendar } from "./contracts/working-calendar";

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;

/** The day in China Standard Time, as YYYY-MM-DD. */
export function cstDay(ms: number): string {
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether the China day holding `ms` is a working day: the calendar's exceptions first, then the weekday. */
export function isWorkingDay(ms: number, calendar?: WorkingCalendar): boolean {
  if (calendar) {
    const day = cstDay(ms);
    if (day >= calendar.from && day <= calendar.to) {
      if (calendar.holidays.includes(day)) return false;
      if (calendar.workdays.includes(day)) return true;
    }
  }
  const weekday = new Date(ms + CST_OFFSET_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The same time of day, `days` working days later (a start on a day off counts from the next working day). */
export function addWorkingDays(fromMs: number, days: number, calendar?: WorkingCalendar): number {
  let t = fromMs;
  for (let left = days; left > 0;) {
    t += DAY_MS;
    if (isWorkingDay(t, calendar)) left--;
  }
  return t;
}

/**
 * Working days from the day of `nowMs` until the day of `dueMs`, the due day counted and
 * today not: what a person still has. 0 on the due day and after it.
 */
export function workingDaysLeft(nowMs: number, dueMs: number, calendar?: WorkingCalendar): number {
  const due = cstDay(dueMs);
  let left = 0;
  for (let t = nowMs + DAY_MS; cstDay(t) <= due; t += DAY_MS) if (isWorkingDay(t, calendar)) left++;
  return left;
}
