import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { TableRegion, td, th } from "@/components/staff/table-region";
import { officeLabel, serviceLabel, stepLabel } from "@/server/localised";
import { listReviews } from "@/server/reviews/list-reviews";
import { requireQueue } from "@/server/staff/staff-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.reviews"))("title") };
}

/** The review requests (复核) waiting for this officer's office, the offices it supervises, or the caseworkers. */
export default async function ReviewsPage() {
  const user = await requireQueue("reviews");
  const [t, locale, format, reviews] = await Promise.all([
    getTranslations("staff.reviews"),
    getLocale(),
    getFormatter(),
    listReviews(user),
  ]);
  return (
    <section aria-labelledby="reviews-title" className="space-y-6">
      <div>
        <h1 id="reviews-title" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      {reviews.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4" data-testid="reviews-empty">
          {t("empty")}
        </p>
      ) : (
        <TableRegion captionId="reviews-title">
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                <th className={th}>{t("service")}</th>
                <th className={th}>{t("desk")}</th>
                <th className={th}>{t("requested")}</th>
                <th className={th}>
                  <span className="sr-only">{t("open")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {reviews.map((r) => (
                <tr key={r.id} data-testid="review-row" data-application={r.applicationId}>
                  <td className={td}>
                    {serviceLabel(locale, r.serviceCode)}
                    {r.stepKey ? ` · ${stepLabel(locale, r.serviceCode, r.stepKey)}` : ""}
                  </td>
                  <td className={td}>{r.desk === "caseworker" ? t("caseworkerDesk") : officeLabel(locale, r.desk)}</td>
                  <td className={td}>{format.dateTime(r.dueAt, { dateStyle: "medium", timeZone: "Asia/Shanghai" })}</td>
                  <td className={td}>
                    <Link href={`/staff/reviews/${r.id}`} className="font-medium text-blue-800 underline">
                      {t("open")}
                    </Link>
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
