import { readWorkingCalendar } from "@visit-once/prisma/working-calendar";
import type { WorkingCalendar } from "@visit-once/workflows/contracts";
import { cache } from "react";
import { beijingDay } from "@/lib/dates";
import { db } from "../db";

const AHEAD_MS = 400 * 86_400_000;

/** The holidays and working weekends from today on, for the working days a page says are left. Once per request. */
export const displayCalendar = cache(async (): Promise<WorkingCalendar> => {
  const now = Date.now();
  return readWorkingCalendar(db(), { from: beijingDay(now), to: beijingDay(now + AHEAD_MS) });
});
