import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatisticsView } from "@/components/statistics/statistics-view";
import { getStatistics } from "@/server/statistics/get-statistics";
import { lastTwelveMonths } from "@/server/statistics/statistics-scope";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("statistics"))("publicTitle") };
}

// Figures of the moment, not of the build.
export const dynamic = "force-dynamic";

/** Public, before sign-in: the reform's figures as aggregates, every cell of fewer than five cases suppressed. */
export default async function PublicStatisticsPage() {
  const [t, stats] = await Promise.all([
    getTranslations("statistics"),
    getStatistics(lastTwelveMonths(null), "public"),
  ]);
  return (
    <section aria-labelledby="statistics-title" className="space-y-6">
      <div>
        <h1 id="statistics-title" className="text-2xl font-semibold">
          {t("publicTitle")}
        </h1>
        <p className="max-w-3xl text-slate-800">{t("publicIntro")}</p>
        <p className="mt-2 max-w-3xl text-sm text-slate-700">{t("suppression", { n: 5 })}</p>
      </div>
      <StatisticsView stats={stats} />
    </section>
  );
}
