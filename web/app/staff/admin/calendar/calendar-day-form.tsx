"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { fieldErrors } from "@/components/field-errors";
import type { CalendarFieldErrors } from "@/server/calendar/calendar-day-input";
import { type CalendarDayState, saveCalendarDayAction } from "./actions";

const input = "rounded border border-slate-400 px-2 py-1.5 focus:outline-2 focus:outline-blue-700";

export interface CalendarDayValues {
  day: string;
  kind: string;
  nameEn: string;
  nameZh: string;
}

/** Adds a day to the calendar, or changes one (the same form: a day is its date). */
export function CalendarDayForm({ initial, editing }: { initial: CalendarDayValues; editing: boolean }) {
  const t = useTranslations("staff.admin.calendar");
  const [state, action, pending] = useActionState<CalendarDayState | null, FormData>(saveCalendarDayAction, null);
  const errors: CalendarFieldErrors = state && "errors" in state ? state.errors : {};
  // After a refusal, what was sent; after a change, what was saved; after adding a day, an empty form.
  const keep = state && ("errors" in state || editing);
  const values = keep ? { ...initial, ...state.values } : initial;
  const { error, described } = fieldErrors("calendar", errors, (code) => t(`errors.${code}`));
  const title = editing ? t("editTitle") : t("create");
  return (
    // A new key after each answer: React resets a form after its action, to the defaults of this render.
    <form
      key={JSON.stringify(state)}
      action={action}
      aria-label={title}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 className="text-xl font-semibold">{title}</h2>
      <p className="text-sm text-slate-700">{t("formHint")}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm">
          {t("day")}
          <input type="date" name="day" required defaultValue={values.day} className={input} {...described("day")} />
          {error("day")}
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("kind")}
          <select name="kind" defaultValue={values.kind} className={input} {...described("kind")}>
            <option value="HOLIDAY">{t("kinds.HOLIDAY")}</option>
            <option value="WORKDAY">{t("kinds.WORKDAY")}</option>
          </select>
          {error("kind")}
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("nameZh")}
          <input
            name="nameZh"
            required
            maxLength={200}
            defaultValue={values.nameZh}
            className={input}
            {...described("nameZh")}
          />
          {error("nameZh")}
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("nameEn")}
          <input
            name="nameEn"
            required
            maxLength={200}
            defaultValue={values.nameEn}
            className={input}
            {...described("nameEn")}
          />
          {error("nameEn")}
        </label>
      </div>
      {error("form")}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60"
      >
        {pending ? t("busy") : t("save")}
      </button>
      {state && "outcome" in state && (
        <p role="status" data-testid="calendar-outcome" className="text-green-800">
          {state.outcome === "done" ? t("saved") : t("unchanged")}
        </p>
      )}
    </form>
  );
}
