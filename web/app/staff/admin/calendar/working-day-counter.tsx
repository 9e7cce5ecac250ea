import { getLocale, getTranslations } from "next-intl/server";
import { formatDay, formatWeekday } from "@/lib/dates";
import {
  countWorkingDays,
  type WorkingDayCountError,
  workingDayCountSchema,
} from "@/server/calendar/count-working-days";

const input = "rounded border border-slate-400 px-2 py-1.5 focus:outline-2 focus:outline-blue-700";

/**
 * Counts working days on the stored calendar, as a step's deadline is counted: an administrator
 * checks a year's arrangement (a deadline across National Day lands on the 调休 Saturday) before
 * offices rely on it. A plain GET form: nothing changes, the answer is in the address.
 */
export async function WorkingDayCounter({ from, days }: { from?: string; days?: string }) {
  const [t, locale] = await Promise.all([getTranslations("staff.admin.calendar.counter"), getLocale()]);
  const asked = from !== undefined || days !== undefined;
  const parsed = workingDayCountSchema.safeParse({ from: from ?? "", days: days ?? "" });
  const errors = new Map<"from" | "days", WorkingDayCountError>();
  if (asked && !parsed.success)
    for (const issue of parsed.error.issues)
      errors.set(issue.path[0] === "days" ? "days" : "from", issue.message as WorkingDayCountError);
  const due = asked && parsed.success ? await countWorkingDays(parsed.data.from, parsed.data.days) : undefined;
  const described = (field: "from" | "days") =>
    errors.has(field) ? { "aria-invalid": true, "aria-describedby": `counter-${field}-error` } : {};
  return (
    <section aria-labelledby="counter-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="counter-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-700">{t("hint")}</p>
      <form method="get" className="flex flex-wrap items-end gap-3" data-testid="working-day-counter">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t("from")}</span>
          <input type="date" name="from" required defaultValue={from ?? ""} className={input} {...described("from")} />
          {errors.has("from") && (
            <span id="counter-from-error" className="text-red-800">
              {t(`errors.${errors.get("from")!}`)}
            </span>
          )}
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t("days")}</span>
          <input
            type="number"
            name="days"
            min={1}
            max={365}
            required
            defaultValue={days ?? ""}
            className={`${input} w-28`}
            {...described("days")}
          />
          {errors.has("days") && (
            <span id="counter-days-error" className="text-red-800">
              {t(`errors.${errors.get("days")!}`)}
            </span>
          )}
        </label>
        <button
          type="submit"
          className="rounded-md bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
        >
          {t("count")}
        </button>
      </form>
      {due && parsed.success && (
        <p
          role="status"
          data-testid="working-day-count"
          className="rounded-md border border-green-700 bg-green-50 px-3 py-2"
        >
          {t("result", {
            days: parsed.data.days,
            from: formatDay(`${parsed.data.from}T12:00:00+08:00`, locale),
            due: formatDay(`${due}T12:00:00+08:00`, locale),
            weekday: formatWeekday(due, locale),
          })}
        </p>
      )}
    </section>
  );
}
