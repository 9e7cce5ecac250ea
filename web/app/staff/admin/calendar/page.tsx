import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { TableRegion, td, th } from "@/components/staff/table-region";
import { beijingDay, formatCivilDay } from "@/lib/dates";
import { firstParam, type SearchParam } from "@/lib/pagination";
import { calendarDaySchema } from "@/server/calendar/calendar-day-input";
import { listCalendarYear } from "@/server/calendar/calendar-days";
import { requireQueue } from "@/server/staff/staff-access";
import { removeCalendarDayAction } from "./actions";
import { CalendarDayForm } from "./calendar-day-form";
import { WorkingDayCounter } from "./working-day-counter";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.admin.calendar"))("title") };
}

const STATUS = ["removed", "package-year", "not-found"] as const;
const link = "rounded-md border border-slate-400 bg-white px-3 py-1.5 font-medium text-blue-800 hover:bg-slate-100";

/**
 * Administrators: one year of the working calendar (public holidays and 调休 working days).
 * Years the package knows are the State Council's arrangement, read only; for a year it does
 * not know yet, an administrator adds, changes and removes days.
 */
export default async function CalendarPage({
  searchParams,
}: {
  searchParams: Promise<{
    year?: SearchParam;
    day?: SearchParam;
    status?: SearchParam;
    from?: SearchParam;
    days?: SearchParam;
  }>;
}) {
  await requireQueue("calendar");
  const [query, t, locale] = await Promise.all([searchParams, getTranslations("staff.admin.calendar"), getLocale()]);
  const rawYear = firstParam(query.year) ?? "";
  const year =
    /^\d{4}$/.test(rawYear) && Number(rawYear) >= 2000 && Number(rawYear) <= 2100
      ? Number(rawYear)
      : Number(beijingDay(new Date()).slice(0, 4));
  const calendar = await listCalendarYear(year);
  const status = STATUS.find((s) => s === firstParam(query.status));
  const editDay = calendarDaySchema.safeParse(firstParam(query.day));
  const edited = editDay.success ? calendar.days.find((d) => d.day === editDay.data) : undefined;
  const initial = edited ?? { day: editDay.success ? editDay.data : "", kind: "HOLIDAY", nameEn: "", nameZh: "" };
  return (
    <section aria-labelledby="calendar-title" className="space-y-6">
      <div>
        <h1 id="calendar-title" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      <nav aria-label={t("years")} className="flex items-center gap-3">
        <Link href={`/staff/admin/calendar?year=${year - 1}`} className={link}>
          {t("previousYear", { year: String(year - 1) })}
        </Link>
        <span className="font-semibold" data-testid="calendar-year">
          {t("year", { year: String(year) })}
        </span>
        <Link href={`/staff/admin/calendar?year=${year + 1}`} className={link}>
          {t("nextYear", { year: String(year + 1) })}
        </Link>
      </nav>
      {status && (
        <p
          role={status === "removed" ? "status" : "alert"}
          data-testid="calendar-status"
          className="rounded-md border border-slate-300 bg-white px-3 py-2"
        >
          {status === "removed" ? t("removed") : t(`errors.${status}`)}
        </p>
      )}
      <p className="text-slate-800" data-testid="calendar-source">
        {calendar.fromPackage ? t("fromPackage") : t("fromAdmin")}
      </p>
      <TableRegion captionId="calendar-caption">
        <table className="w-full min-w-[40rem] text-sm">
          <caption id="calendar-caption" className="px-3 py-2 text-left text-slate-700">
            {t("caption", { year: String(year) })}
          </caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={th}>
                {t("day")}
              </th>
              <th scope="col" className={th}>
                {t("kind")}
              </th>
              <th scope="col" className={th}>
                {t("name")}
              </th>
              <th scope="col" className={th}>
                {t("source")}
              </th>
              <th scope="col" className={th}>
                <span className="sr-only">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {calendar.days.length === 0 && (
              <tr>
                <td colSpan={5} className={td}>
                  {t("empty")}
                </td>
              </tr>
            )}
            {calendar.days.map((d) => {
              const label = formatCivilDay(d.day, locale);
              return (
                <tr key={d.day} className="border-t border-slate-200" data-testid={`calendar-day-${d.day}`}>
                  <th scope="row" className={`${td} text-left font-medium`}>
                    <time dateTime={d.day}>{label}</time>
                  </th>
                  <td className={td}>{t(`kinds.${d.kind}`)}</td>
                  <td className={td}>{locale.startsWith("zh") ? d.nameZh : d.nameEn}</td>
                  <td className={td}>{t(`sources.${d.source}`)}</td>
                  <td className={`${td} flex gap-2`}>
                    {!calendar.fromPackage && (
                      <>
                        <Link
                          href={`/staff/admin/calendar?year=${year}&day=${d.day}`}
                          aria-label={t("editFor", { day: label })}
                          className={link}
                        >
                          {t("edit")}
                        </Link>
                        <form action={removeCalendarDayAction}>
                          <input type="hidden" name="day" value={d.day} />
                          <button
                            type="submit"
                            aria-label={t("removeFor", { day: label })}
                            className="rounded-md border border-red-700 bg-white px-3 py-1.5 font-medium text-red-800 hover:bg-red-50"
                          >
                            {t("remove")}
                          </button>
                        </form>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
      {!calendar.fromPackage && <CalendarDayForm key={initial.day} initial={initial} editing={Boolean(edited)} />}
      <WorkingDayCounter from={firstParam(query.from)} days={firstParam(query.days)} />
    </section>
  );
}
