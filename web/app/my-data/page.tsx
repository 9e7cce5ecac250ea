import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ledgerState } from "@/server/ledger/ledger-state";
import {
  type DataUseFilters as Filters,
  listDataUse,
  ownCaseService,
  parseDataUseFilters,
} from "@/server/ledger/list-data-use";
import { serviceLabel } from "@/server/localised";
import { requireUser } from "@/server/session";
import { ChainState } from "./chain-state";
import { DataUseEntry } from "./data-use-entry";
import { DataUseFilters } from "./data-use-filters";
import { SeqPager } from "@/components/seq-pager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("citizen.dataUse"))("title") };
}

type Params = Record<string, string | string[] | undefined>;

/**
 * 谁使用了我的数据: every entry of the access ledger about the signed-in citizen, newest first.
 * Her reading her own ledger is not itself written to the ledger: nobody else's data is shown,
 * and she is its subject (as on her case page).
 */
export default async function DataUsePage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requireUser(["CITIZEN"]);
  const [params, t, words, locale, format, state] = await Promise.all([
    searchParams,
    getTranslations("citizen.dataUse"),
    getTranslations("citizen"),
    getLocale(),
    getFormatter(),
    ledgerState(),
  ]);
  const query = parseDataUseFilters(params);
  // A case filter names one of her own cases, or it is refused as not hers (the same words either way).
  const ownCase = query.ok && query.filters.case ? await ownCaseService(user.id, query.filters.case) : null;
  const invalid = !query.ok ? query.invalid : query.filters.case && !ownCase ? "case" : null;
  const filters: Filters = query.ok && !invalid ? query.filters : {};
  const page = invalid ? { entries: [], olderThan: null } : await listDataUse(user.id, filters);
  const text = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const filtered = Boolean(filters.department || filters.service || filters.case);
  const pageHref = (before?: bigint) => {
    const q = new URLSearchParams();
    if (filters.department) q.set("department", filters.department);
    if (filters.service) q.set("service", filters.service);
    if (filters.case) q.set("case", filters.case);
    if (before !== undefined) q.set("before", String(before));
    return q.size > 0 ? `/my-data?${q}` : "/my-data";
  };
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const link = "text-blue-800 underline underline-offset-4";

  return (
    <section aria-labelledby="data-use-title" className="space-y-6">
      <div className="space-y-2">
        <h1 id="data-use-title" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-slate-800">{t("intro")}</p>
        <p className="text-sm text-slate-700">{t("namesNote")}</p>
      </div>
      <ChainState state={state} />
      <DataUseFilters
        values={{
          department: text(params.department),
          service: text(params.service),
          case: ownCase ? filters.case : undefined,
        }}
      />
      {ownCase && (
        <p className="text-slate-800" data-testid="data-use-case-only">
          {t("caseOnly", { service: serviceLabel(locale, ownCase) })}{" "}
          <Link href="/my-data" className={link}>
            {t("allCases")}
          </Link>
        </p>
      )}
      {invalid && (
        <p
          role="alert"
          data-testid="data-use-filter-error"
          className="rounded-md border border-red-700 bg-white px-3 py-2 text-red-900"
        >
          {t(`invalid.${invalid}`)}
        </p>
      )}
      {!invalid && page.entries.length === 0 && (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-800" data-testid="data-use-empty">
          {filtered || filters.before ? t("emptyFiltered") : t("empty")}
        </p>
      )}
      {page.entries.length > 0 && (
        <ul aria-label={t("listLabel")} className="space-y-3" data-testid="data-use-list">
          {page.entries.map((e) => (
            <DataUseEntry
              key={String(e.seq)}
              entry={e}
              citizenId={user.id}
              w={{ t, words, locale, when }}
              acting={e.applicationId ? page.acting?.[e.applicationId] : undefined}
            />
          ))}
        </ul>
      )}
      <SeqPager
        before={filters.before}
        olderThan={page.olderThan}
        href={pageHref}
        labels={{ nav: t("pagination"), newest: t("newest"), older: t("older") }}
        linkClassName={link}
        olderTestId="data-use-older"
      />
    </section>
  );
}
