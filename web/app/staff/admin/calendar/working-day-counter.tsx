import { getLocale, getTranslations } from "next-intl/server";
import { fieldErrors } from "@/components/field-errors";
import { civilNoon, formatDay, formatWeekday } from "@/lib/dates";
import { countWorkingDays, workingDayCountSchema } from "@/server/calendar/count-working-days";

const input = "rounded border border-slate-400 px-2 py-1.5 focus:outline-2 focus:outline-blue-700";

/**
 * Counts working days on the stored calendar, as a step's deadline is counted: an administrator
 * checks a year's arrangement (a deadline across National Day lands on the 调休 Saturday) before
 * offices rely on it. A plain GET form: nothing changes, the answer is in the address.
 */
export async function WorkingDayCounter({ from, days }: { from?: string; days?: string }) {
  const [t, locale] = await Promise.all([getTranslations("staff.admin.calendar.counter"), getLocale()]);
  const asked = from !== undefined || days !== undefined;
  const parsed = asked ? workingDayCountSchema.safeParse({ from: from ?? "", days: days ?? "" }) : undefined;
  const problems: Partial<Record<"from" | "days", string>> =
    parsed && !parsed.success ? Object.fromEntries(parsed.error.issues.map((i) => [i.path[0], i.message])) : {};
  const { error, described } = fieldErrors("counter", problems, (code) => t(`errors.${code}`));
  const counted = parsed?.success
    ? { ...parsed.data, due: await countWorkingDays(parsed.data.from, parsed.data.days) }
    : undefined;
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
          {error("from")}
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
          {error("days")}
        </label>
        <button
          type="submit"
          className="rounded-md bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
        >
          {t("count")}
        </button>
      </form>
      {counted && (
        <p
          role="status"
          data-testid="working-day-count"
          className="rounded-md border border-green-700 bg-green-50 px-3 py-2"
        >
          {t("result", {
            days: counted.days,
            from: formatDay(civilNoon(counted.from), locale),
            due: formatDay(civilNoon(counted.due), locale),
            weekday: formatWeekday(counted.due, locale),
          })}
        </p>
      )}
    </section>
  );
}
