import type { Db } from "@visit-once/prisma";
import { readWorkingCalendar } from "@visit-once/prisma/working-calendar";
import { addWorkingDays, cstDay } from "@visit-once/workflows/working-days";
import { z } from "zod";
import { db as defaultDb } from "../db";
import { calendarDaySchema } from "./calendar-day-input";

const DAY_MS = 86_400_000;

/** The calendar page's counter: a start day and a number of working days (as a step's deadline has). */
export const workingDayCountSchema = z.object({
  from: calendarDaySchema,
  days: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, "days-invalid")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 365, "days-invalid"),
});

/**
 * The day a deadline of `days` working days falls on when it starts on `from`, counted as the
 * workflow counts a step's (workflows/src/working-days.ts: the start's own day not counted),
 * on the working calendar stored now.
 */
export async function countWorkingDays(from: string, days: number, db: Db = defaultDb()): Promise<string> {
  const start = Date.parse(`${from}T09:00:00+08:00`);
  // Two calendar days per working day and two months more cover every holiday run.
  const calendar = await readWorkingCalendar(db, { from, to: cstDay(start + (days * 2 + 60) * DAY_MS) });
  return cstDay(addWorkingDays(start, days, calendar));
}
