import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { StatisticsView } from "@/components/statistics/statistics-view";
import { officeLabel } from "@/server/localised";
import { getStatistics } from "@/server/statistics/get-statistics";
import { requireStatistics } from "@/server/statistics/require-statistics";
import { lastTwelveMonths } from "@/server/statistics/statistics-scope";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("statistics"))("staffTitle") };
}

/** An office's own figures, for its officers (and administrators): the cases its steps were part of, its steps, its records. */
export default async function OfficeStatisticsPage({ params }: { params: Promise<{ office: string }> }) {
  const { office } = await params;
  await requireStatistics(office);
  const [t, locale, stats] = await Promise.all([
    getTranslations("statistics"),
    getLocale(),
    getStatistics(lastTwelveMonths(office), "staff"),
  ]);
  return (
    <section aria-labelledby="statistics-title" className="space-y-6">
      <div>
        <h1 id="statistics-title" className="text-2xl font-semibold">
          {t("officeTitle", { office: officeLabel(locale, office) })}
        </h1>
        <p className="max-w-3xl text-slate-800">{t("officeIntro")}</p>
      </div>
      <StatisticsView stats={stats} />
    </section>
  );
}
