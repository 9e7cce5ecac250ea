import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { STEP_OFFICES } from "@visit-once/workflows/contracts";
import { StatisticsView } from "@/components/statistics/statistics-view";
import { officeLabel } from "@/server/localised";
import { getStatistics } from "@/server/statistics/get-statistics";
import { requireStatistics } from "@/server/statistics/require-statistics";
import { lastTwelveMonths } from "@/server/statistics/statistics-scope";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("statistics"))("staffTitle") };
}

/** Administrators: every office's figures in full (no cell suppressed), and a way into each office's own. */
export default async function AllStatisticsPage() {
  await requireStatistics(null);
  const [t, locale, stats] = await Promise.all([
    getTranslations("statistics"),
    getLocale(),
    getStatistics(lastTwelveMonths(null), "staff"),
  ]);
  return (
    <section aria-labelledby="statistics-title" className="space-y-6">
      <div>
        <h1 id="statistics-title" className="text-2xl font-semibold">
          {t("staffTitle")}
        </h1>
        <p className="max-w-3xl text-slate-800">{t("staffIntro")}</p>
      </div>
      <nav aria-label={t("byOffice")} className="text-sm">
        <p className="font-medium">{t("byOffice")}</p>
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {STEP_OFFICES.map((o) => (
            <li key={o}>
              <Link href={`/staff/statistics/${o}`} className="text-blue-800 underline underline-offset-4">
                {officeLabel(locale, o)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <StatisticsView stats={stats} />
    </section>
  );
}
