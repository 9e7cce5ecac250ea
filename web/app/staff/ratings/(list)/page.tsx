import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DueDate } from "@/components/staff/due-date";
import { TableRegion, td, th } from "@/components/staff/table-region";
import { officeLabel, serviceLabel } from "@/server/localised";
import { listRectifications } from "@/server/ratings/list-rectifications";
import { requireRectifications } from "@/server/ratings/require-rectifications";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.ratings"))("title") };
}

/** The bad ratings an office must answer (差评整改): unanswered first, soonest due first. Administrators see every office's. */
export default async function RectificationsPage() {
  const { office } = await requireRectifications();
  const [t, locale, format, rows] = await Promise.all([
    getTranslations("staff.ratings"),
    getLocale(),
    getFormatter(),
    listRectifications(office),
  ]);
  const now = new Date();
  return (
    <section aria-labelledby="ratings-title" className="space-y-6">
      <div>
        <h1 id="ratings-title" className="text-2xl font-semibold">
          {office ? t("officeTitle", { office: officeLabel(locale, office) }) : t("title")}
        </h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4" data-testid="ratings-empty">
          {t("empty")}
        </p>
      ) : (
        <TableRegion captionId="ratings-caption">
          <table className="w-full min-w-[44rem] text-sm">
            <caption id="ratings-caption" className="px-3 py-2 text-left text-slate-700">
              {t("caption")}
            </caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={th}>
                  {t("case")}
                </th>
                {!office && (
                  <th scope="col" className={th}>
                    {t("office")}
                  </th>
                )}
                <th scope="col" className={th}>
                  {t("comment")}
                </th>
                <th scope="col" className={th}>
                  {t("ratedAt")}
                </th>
                <th scope="col" className={th}>
                  {t("due")}
                </th>
                <th scope="col" className={th}>
                  {t("state")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200" data-testid={`rectification-${r.applicationId}`}>
                  <th scope="row" className={`${td} text-left font-medium`}>
                    <Link href={`/staff/ratings/${r.id}`} className="text-blue-800 underline underline-offset-4">
                      {serviceLabel(locale, r.serviceCode)}
                    </Link>
                    <span className="block break-all text-xs font-normal text-slate-700">{r.applicationId}</span>
                  </th>
                  {!office && <td className={td}>{officeLabel(locale, r.office)}</td>}
                  <td className={td}>{r.comment ?? t("noComment")}</td>
                  <td className={td}>
                    {format.dateTime(new Date(r.ratedAt), { dateStyle: "medium", timeStyle: "short" })}
                  </td>
                  <td className={td}>
                    <DueDate dueAt={new Date(r.dueAt)} now={now} done={r.repliedAt !== null} />
                  </td>
                  <td className={td} data-testid="rectification-state">
                    {r.repliedAt ? t(r.overdue ? "repliedLate" : "replied") : t("open")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
