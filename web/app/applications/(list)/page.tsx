import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { findService } from "@visit-once/workflows/contracts";
import { StatusBadge } from "@/components/citizen/status-badge";
import { Pager } from "@/components/pager";
import { parsePage } from "@/lib/pagination";
import { listApplications } from "@/server/applications/list-applications";
import { requireUser } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("citizen.applications");
  return { title: t("title") };
}

export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const user = await requireUser(["CITIZEN"]);
  const [t, format, locale, params] = await Promise.all([getTranslations("citizen.applications"), getFormatter(), getLocale(), searchParams]);
  const result = await listApplications(user.id, parsePage(params.page));
  const lang = locale === "en" ? "en" : "zh";

  return (
    <section aria-labelledby="apps-title" className="space-y-6">
      <h1 id="apps-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      {result.total === 0 ? (
        <div className="rounded-lg border border-slate-200 bg-white p-6" data-testid="applications-empty">
          <p className="text-slate-800">{t("empty")}</p>
          <Link href="/services" className="mt-2 inline-block text-blue-800 underline">
            {t("emptyLink")}
          </Link>
        </div>
      ) : (
        <>
          <ul className="space-y-3" data-testid="applications-list">
            {result.items.map((app) => {
              const service = findService(app.serviceCode);
              return (
                <li key={app.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 bg-white p-4">
                  <div>
                    <Link href={`/applications/${app.id}`} className="font-semibold text-blue-800 underline-offset-4 hover:underline">
                      {service?.title[lang] ?? app.serviceCode}
                    </Link>
                    <p className="text-sm text-slate-700">
                      {t("submitted", { date: format.dateTime(new Date(app.submittedAt), { dateStyle: "medium", timeStyle: "short" }) })}
                    </p>
                  </div>
                  <StatusBadge status={app.status} />
                </li>
              );
            })}
          </ul>
          <Pager
            page={result.page}
            pages={result.pageCount}
            href={(page) => `/applications?page=${page}`}
            labels={{ nav: t("pagination"), previous: t("previous"), next: t("next"), indicator: t("pageOf", { page: result.page, pages: result.pageCount }) }}
            linkClassName="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-blue-800 hover:bg-slate-100"
          />
        </>
      )}
    </section>
  );
}
