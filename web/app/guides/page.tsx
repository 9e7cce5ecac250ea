import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SERVICES } from "@visit-once/workflows/contracts";
import { serviceGuide } from "@/lib/service-guide";
import { pick } from "@/server/localised";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("citizen.guides"))("title") };
}

/** Public, before sign-in: every service's guide (办事指南), one line each. */
export default async function GuidesPage() {
  const [t, locale] = await Promise.all([getTranslations("citizen.guides"), getLocale()]);
  return (
    <section aria-labelledby="guides-title" className="space-y-6">
      <h1 id="guides-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <p className="text-slate-800">{t("intro")}</p>
      <ul className="grid gap-4 sm:grid-cols-2" data-testid="guides-list">
        {Object.values(SERVICES).map((service) => {
          const guide = serviceGuide(service);
          return (
            <li key={service.code} className="rounded-lg border border-slate-200 bg-white p-5">
              <h2 className="text-lg font-semibold">
                <Link href={`/guides/${service.code}`} className="text-blue-800 underline underline-offset-4">
                  {pick(locale, service.title)}
                </Link>
              </h2>
              <p className="mt-2 text-slate-800">{pick(locale, service.summary)}</p>
              <p className="mt-2 text-sm text-slate-700">{t("timeLimitShort", { days: guide.timeLimitWorkingDays })}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
