import type { WorkingCalendar } from "@visit-once/workflows/contracts";
import { workingDaysLeft } from "@visit-once/workflows/working-days";
import { beijingDay } from "./dates";

export interface Deadline {
  /** The Beijing day it is due on, YYYY-MM-DD. */
  day: string;
  /** Working days left after today, the due day counted (0 on the due day). */
  left: number;
  /** Whether the due time has passed. */
  passed: boolean;
}

/** A deadline as a person reads it: the day, and the working days left on the calendar (never hours and minutes). */
export function deadline(dueAt: Date | string, now: Date, calendar?: WorkingCalendar): Deadline {
  const due = new Date(dueAt).getTime();
  return { day: beijingDay(due), left: workingDaysLeft(now.getTime(), due, calendar), passed: due < now.getTime() };
}
