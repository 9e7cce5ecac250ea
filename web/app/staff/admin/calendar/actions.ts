"use server";

import { redirect } from "next/navigation";
import type { CalendarFieldErrors } from "@/server/calendar/calendar-day-input";
import { removeCalendarDay, saveCalendarDay } from "@/server/calendar/calendar-days";
import { db } from "@/server/db";
import { currentRequestId } from "@/server/http/request-id";
import { currentUser } from "@/server/session";

// The working calendar's actions: POST server actions, parsed with zod, authorised and audited
// by the operation they call (a refusal reads as "not found").

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

export type CalendarDayState =
  | { errors: CalendarFieldErrors; values: Record<string, string> }
  | { outcome: "done" | "unchanged"; values: Record<string, string> };

/** Adds or changes a day (a public holiday or a 调休 working day). */
export async function saveCalendarDayAction(_prev: CalendarDayState | null, form: FormData): Promise<CalendarDayState> {
  const values = {
    day: field(form, "day"),
    kind: field(form, "kind"),
    nameEn: field(form, "nameEn"),
    nameZh: field(form, "nameZh"),
  };
  const result = await saveCalendarDay(await currentUser(), values, await currentRequestId(), db());
  return result.ok ? { outcome: result.outcome, values } : { errors: result.errors, values };
}

/** Removes a day an administrator set; the calendar page then says what happened. */
export async function removeCalendarDayAction(form: FormData): Promise<void> {
  const day = field(form, "day");
  const result = await removeCalendarDay(await currentUser(), day, await currentRequestId(), db());
  const year = /^\d{4}/.test(day) ? day.slice(0, 4) : "";
  redirect(`/staff/admin/calendar?year=${year}&status=${result.ok ? "removed" : result.error}`);
}
