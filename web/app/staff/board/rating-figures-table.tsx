import { getLocale, getTranslations } from "next-intl/server";
import { TableRegion, td, th } from "@/components/staff/table-region";
import { durationParts, officeLabel } from "@/server/localised";
import type { RatingFigures } from "@/server/ratings/rating-figures";

/** The board's ratings part: per office, bad ratings, answered, median time to answer, answered late or not yet. */
export async function RatingFiguresTable({ figures }: { figures: RatingFigures[] }) {
  const [t, locale] = await Promise.all([getTranslations("staff.board"), getLocale()]);
  const duration = (seconds: number | null) => {
    if (seconds === null) return t("ratings.none");
    const p = durationParts(seconds);
    return t(`duration.${p.unit}`, p);
  };
  return (
    <TableRegion captionId="board-ratings-caption">
      <table className="w-full min-w-[40rem] text-sm">
        <caption id="board-ratings-caption" className="px-3 py-2 text-left text-slate-700">
          {t("ratings.caption")}
        </caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className={th}>
              {t("office")}
            </th>
            <th scope="col" className={th}>
              {t("ratings.bad")}
            </th>
            <th scope="col" className={th}>
              {t("ratings.replied")}
            </th>
            <th scope="col" className={th}>
              {t("ratings.median")}
            </th>
            <th scope="col" className={th}>
              {t("ratings.overdue")}
            </th>
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <tr key={f.office} className="border-t border-slate-200" data-testid={`board-ratings-${f.office}`}>
              <th scope="row" className={`${td} text-left font-medium`}>
                {officeLabel(locale, f.office)}
              </th>
              <td className={td} data-testid="bad">
                {f.bad}
              </td>
              <td className={td} data-testid="replied">
                {f.replied}
              </td>
              <td className={td} data-testid="reply-median">
                {duration(f.medianReplySeconds)}
              </td>
              <td className={`${td} ${f.overdue > 0 ? "font-semibold text-red-800" : ""}`} data-testid="rating-overdue">
                {f.overdue}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
