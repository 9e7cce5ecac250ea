import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { LiveRefresh } from "@/components/staff/live-refresh";
import { TableRegion, td, th } from "@/components/staff/table-region";
import { getRatingFigures } from "@/server/ratings/rating-figures";
import { getBoard } from "@/server/staff/get-board";
import { getCorrectionBoard } from "@/server/staff/get-correction-board";
import { durationParts, officeLabel } from "@/server/localised";
import { requireQueue } from "@/server/staff/staff-access";
import { RatingFiguresTable } from "./rating-figures-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.board"))("title") };
}

export default async function BoardPage() {
  await requireQueue("board");
  const [t, locale, format, figures, ratings, corrections] = await Promise.all([
    getTranslations("staff.board"),
    getLocale(),
    getFormatter(),
    getBoard(),
    getRatingFigures(),
    getCorrectionBoard(),
  ]);
  const duration = (seconds: number | null) => {
    if (seconds === null) return t("none");
    const p = durationParts(seconds);
    return t(`duration.${p.unit}`, p);
  };

  return (
    <section aria-labelledby="board-title" className="space-y-6">
      <LiveRefresh />
      <div>
        <h1 id="board-title" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      <TableRegion captionId="board-caption">
        <table className="w-full min-w-[40rem] text-sm">
          <caption id="board-caption" className="px-3 py-2 text-left text-slate-700">
            {t("caption")}
          </caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={th}>
                {t("office")}
              </th>
              <th scope="col" className={th}>
                {t("onTimeRate")}
              </th>
              <th scope="col" className={th}>
                {t("median")}
              </th>
              <th scope="col" className={th}>
                {t("backlog")}
              </th>
              <th scope="col" className={th}>
                {t("overdue")}
              </th>
            </tr>
          </thead>
          <tbody>
            {figures.map((f) => (
              <tr key={f.office} className="border-t border-slate-200" data-testid={`board-${f.office}`}>
                <th scope="row" className={`${td} text-left font-medium`}>
                  {officeLabel(locale, f.office)}
                </th>
                <td className={td} data-testid="on-time-rate">
                  {f.onTimeRate === null
                    ? t("none")
                    : format.number(f.onTimeRate, { style: "percent", maximumFractionDigits: 0 })}
                  {f.decided > 0 && (
                    <span className="block text-xs text-slate-700">
                      {t("decided", { onTime: f.onTime, decided: f.decided })}
                    </span>
                  )}
                </td>
                <td className={td} data-testid="median">
                  {duration(f.medianHandlingSeconds)}
                </td>
                <td className={td} data-testid="backlog">
                  {f.backlog}
                </td>
                <td className={`${td} ${f.overdue > 0 ? "font-semibold text-red-800" : ""}`} data-testid="overdue">
                  {f.overdue}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <TableRegion captionId="corrections-caption">
        <table className="w-full min-w-[40rem] text-sm">
          <caption id="corrections-caption" className="px-3 py-2 text-left text-slate-700">
            {t("corrections.caption")}
          </caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={th}>
                {t("corrections.office")}
              </th>
              <th scope="col" className={th}>
                {t("corrections.asked")}
              </th>
              <th scope="col" className={th}>
                {t("corrections.corrected")}
              </th>
              <th scope="col" className={th}>
                {t("corrections.refused")}
              </th>
              <th scope="col" className={th}>
                {t("corrections.open")}
              </th>
              <th scope="col" className={th}>
                {t("corrections.median")}
              </th>
            </tr>
          </thead>
          <tbody>
            {corrections.map((c) => (
              <tr key={c.department} className="border-t border-slate-200" data-testid={`corrections-${c.department}`}>
                <th scope="row" className={`${td} text-left font-medium`}>
                  {officeLabel(locale, c.department)}
                </th>
                <td className={td} data-testid="asked">
                  {c.asked}
                </td>
                <td className={td} data-testid="corrected">
                  {c.corrected}
                </td>
                <td className={td} data-testid="refused">
                  {c.refused}
                </td>
                <td className={td} data-testid="open">
                  {c.open}
                </td>
                <td className={td} data-testid="correction-median">
                  {c.medianSeconds === null ? t("corrections.none") : duration(c.medianSeconds)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <RatingFiguresTable figures={ratings} />
    </section>
  );
}
