import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/citizen/status-badge";
import { Pager } from "@/components/pager";
import { firstParam, parsePage } from "@/lib/pagination";
import { listApplications, parseTab } from "@/server/applications/list-applications";
import { stepTitlesFor } from "@/server/applications/step-titles";
import { serviceLabel } from "@/server/localised";
import { requireUser } from "@/server/session";
import { ApplicationTabs } from "./application-tabs";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("citizen.applications");
  return { title: t("title") };
}

export default async function ApplicationsPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string | string[]; tab?: string | string[] }>;
}) {
  const user = await requireUser(["CITIZEN"]);
  const [t, caseWords, words, format, locale, params] = await Promise.all([
    getTranslations("citizen.applications"),
    getTranslations("citizen.case"),
    getTranslations("citizen"),
    getFormatter(),
    getLocale(),
    searchParams,
  ]);
  const tab = parseTab(firstParam(params.tab));
  const result = await listApplications(user.id, parsePage(params.page), tab);
  const day = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "long" });
  const tabLabels = {
    "in-progress": t("tabs.in-progress"),
    "action-needed": t("tabs.action-needed"),
    finished: t("tabs.finished"),
  };

  return (
    <section aria-labelledby="apps-title" className="space-y-6">
      <h1 id="apps-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <ApplicationTabs tab={tab} counts={result.counts} labels={tabLabels} navLabel={t("tabs.label")} />
      <h2 className="text-lg font-semibold" data-testid="tab-heading">
        {tabLabels[tab]}
      </h2>
      {result.total === 0 ? (
        <div className="rounded-lg border border-slate-200 bg-white p-6" data-testid="applications-empty">
          <p className="text-slate-800">
            {Object.values(result.counts).some((n) => n > 0) ? t(`tabEmpty.${tab}`) : t("empty")}
          </p>
          <Link href="/services" className="mt-2 inline-block text-blue-800 underline">
            {t("emptyLink")}
          </Link>
        </div>
      ) : (
        <>
          <ul className="space-y-3" data-testid="applications-list">
            {result.items.map((app) => {
              const step = app.currentStepKey
                ? (stepTitlesFor(app.serviceCode, locale, caseWords, words)[app.currentStepKey] ?? app.currentStepKey)
                : null;
              return (
                <li
                  key={app.id}
                  data-testid={`application-${app.id}`}
                  className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
                >
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <Link
                      href={`/applications/${app.id}`}
                      className="font-semibold text-blue-800 underline-offset-4 hover:underline"
                    >
                      {serviceLabel(locale, app.serviceCode)}
                    </Link>
                    <StatusBadge status={app.status} />
                  </div>
                  <dl className="grid gap-x-6 gap-y-1 text-sm text-slate-800 sm:grid-cols-2">
                    <div>
                      <dt className="inline font-medium">{t("row.reference")} </dt>
                      <dd className="inline break-all font-mono" data-testid="row-reference">
                        {app.id}
                      </dd>
                    </div>
                    <div>
                      <dt className="inline font-medium">{t("row.submitted")} </dt>
                      <dd className="inline">{day(app.submittedAt)}</dd>
                    </div>
                    {step && (
                      <div>
                        <dt className="inline font-medium">{t("row.step")} </dt>
                        <dd className="inline" data-testid="row-step">
                          {step}
                        </dd>
                      </div>
                    )}
                    {app.dueAt && (
                      <div>
                        <dt className="inline font-medium">
                          {tab === "action-needed" ? t("row.answerBy") : t("row.due")}{" "}
                        </dt>
                        <dd className="inline" data-testid="row-due">
                          <time dateTime={app.dueAt}>{day(app.dueAt)}</time>
                        </dd>
                      </div>
                    )}
                    {app.completedAt && (
                      <div>
                        <dt className="inline font-medium">{t("row.finished")} </dt>
                        <dd className="inline">{day(app.completedAt)}</dd>
                      </div>
                    )}
                  </dl>
                </li>
              );
            })}
          </ul>
          <Pager
            page={result.page}
            pages={result.pageCount}
            href={(page) => `/applications?tab=${tab}&page=${page}`}
            labels={{
              nav: t("pagination"),
              previous: t("previous"),
              next: t("next"),
              indicator: t("pageOf", { page: result.page, pages: result.pageCount }),
            }}
            linkClassName="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-blue-800 hover:bg-slate-100"
          />
        </>
      )}
    </section>
  );
}
