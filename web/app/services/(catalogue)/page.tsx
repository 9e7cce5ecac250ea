import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SERVICES } from "@visit-once/workflows/contracts";
import { searchServices } from "@/lib/service-search";
import { pick } from "@/server/localised";
import { requireUser } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("citizen.services");
  return { title: t("title") };
}

export default async function ServicesPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  await requireUser(["CITIZEN"]);
  const [t, locale, params] = await Promise.all([getTranslations("citizen.services"), getLocale(), searchParams]);
  const query = typeof params.q === "string" ? params.q.slice(0, 100) : "";
  const services = searchServices(Object.values(SERVICES), query);

  return (
    <section aria-labelledby="services-title" className="space-y-6">
      <h1 id="services-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <p className="text-slate-700">{t("intro")}</p>
      <form role="search" action="/services" method="get" className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor="service-search" className="block font-medium">
            {t("searchLabel")}
          </label>
          <input
            id="service-search"
            name="q"
            type="search"
            defaultValue={query}
            maxLength={100}
            className="block w-full rounded-md border border-slate-500 bg-white px-3 py-2"
          />
        </div>
        <button type="submit" className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800">
          {t("searchButton")}
        </button>
      </form>
      {query && (
        <p className="text-slate-700" role="status">
          {t("resultCount", { count: services.length, query })}{" "}
          <Link href="/services" className="text-blue-800 underline">
            {t("clearSearch")}
          </Link>
        </p>
      )}
      {services.length === 0 ? (
        <div className="rounded-lg border border-slate-200 bg-white p-6" data-testid="services-empty">
          <p className="font-medium">{t("emptyTitle")}</p>
          <p className="mt-1 text-slate-700">{t("emptyHint")}</p>
        </div>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {services.map((service) => (
            <li key={service.code} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <h2 className="text-lg font-semibold">
                <Link href={`/services/${service.code}`} className="text-blue-800 underline-offset-4 hover:underline">
                  {pick(locale, service.title)}
                </Link>
              </h2>
              <p className="mt-2 text-slate-800">{pick(locale, service.summary)}</p>
              <p className="mt-2 text-sm text-slate-700">{t("recordCount", { count: service.evidence.length })}</p>
              <Link
                href={`/guides/${service.code}`}
                className="mt-2 inline-block text-sm text-blue-800 underline underline-offset-4"
              >
                {t("guide")}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
