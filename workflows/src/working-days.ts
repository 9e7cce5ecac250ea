// Deadlines in working days, counted on China Standard Time (UTC+8), Monday to Friday.
// Pure: the workflow passes its own (replayed) clock. Public holidays and the make-up
// working weekends (调休) are not in the calendar yet.

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;

function isWorkingDay(ms: number): boolean {
  const weekday = new Date(ms + CST_OFFSET_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The same time of day, `days` working days later (a start at the weekend counts from Monday). */
export function addWorkingDays(fromMs: number, days: number): number {
  let t = fromMs;
  for (let left = days; left > 0; ) {
    t += DAY_MS;
    if (isWorkingDay(t)) left--;
  }
  return t;
}

/** The day in China Standard Time, as YYYY-MM-DD. */
export function cstDay(ms: number): string {
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 10);
}
