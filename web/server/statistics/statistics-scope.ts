/**
 * Which cases a set of figures covers: those submitted (or, for cycle times and records, finished)
 * in [from, to), and, for an office's own figures, those its department steps or its records took
 * part in. `office` null: every office.
 */
export interface StatisticsScope {
  office: string | null;
  from: Date;
  to: Date;
}

const DAY_MS = 86_400_000;

/** The last twelve months up to now (the pages' window). */
export function lastTwelveMonths(office: string | null, nowMs: number = Date.now()): StatisticsScope {
  return { office, from: new Date(nowMs - 366 * DAY_MS), to: new Date(nowMs + 1) };
}
