import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import {
  catalogueEntry,
  findService,
  RECORD_TYPE_CODES,
  type RecordType,
  STEP_OFFICES,
} from "@visit-once/workflows/contracts";
import { TableRegion, td, th } from "@/components/staff/table-region";
import { recordName } from "@/lib/record-entries";
import { decide } from "@/server/access/policy";
import {
  countSharedData,
  listSharedData,
  parseSharedDataFilters,
  type SharedRecord,
} from "@/server/ledger/list-shared-data";
import { requireSharedData } from "@/server/ledger/require-shared-data";
import { joinList, officeLabel, pick, serviceLabel } from "@/server/localised";
import { SharedCounts } from "./shared-counts";
import { SharedDataFilters } from "./shared-data-filters";
import { SeqPager } from "@/components/seq-pager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.shared"))("title") };
}

type Params = Record<string, string | string[] | undefined>;

/**
 * 本部门数据共享: the office's records that went to cases, from the ledger's department fetches.
 * It shows no citizen's data — no name, identity number or record value, only which record and
 * which of its fields by name, the service and the case reference — so viewing it writes no
 * ledger entry of its own (the fetches it lists are the entries).
 */
export default async function SharedDataPage({
  params,
  searchParams,
}: {
  params: Promise<{ office: string }>;
  searchParams: Promise<Params>;
}) {
  const { user, office } = await requireSharedData((await params).office);
  const [query0, t, words, locale, format] = await Promise.all([
    searchParams,
    getTranslations("staff.shared"),
    getTranslations("citizen"),
    getLocale(),
    getFormatter(),
  ]);
  const query = parseSharedDataFilters(query0);
  const filters = query.ok ? query.filters : {};
  const [page, counts] = query.ok
    ? await Promise.all([listSharedData(office, filters), countSharedData(office, filters)])
    : [{ entries: [], olderThan: null }, []];
  const text = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const base = `/staff/shared-data/${office}`;
  const pageHref = (before?: bigint) => {
    const q = new URLSearchParams();
    if (filters.service) q.set("service", filters.service);
    if (filters.month) q.set("month", filters.month);
    if (before !== undefined) q.set("before", String(before));
    return q.size > 0 ? `${base}?${q}` : base;
  };
  // Administrators may read every office's; an officer sees only her own, so no choice.
  const offices = STEP_OFFICES.filter(
    (o) => o !== office && decide(user, "list", { kind: "shared-data", office: o }).allowed,
  );
  const link = "text-blue-800 underline-offset-4 hover:underline";

  return (
    <section aria-labelledby="shared-title" className="space-y-6">
      <div className="space-y-1">
        <h1 id="shared-title" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-lg text-slate-800" data-testid="shared-office">
          {t("officeTitle", { office: officeLabel(locale, office) })}
        </p>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      {offices.length > 0 && (
        <nav aria-label={t("chooseOffice")} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <span aria-current="page" className="font-semibold">
            {officeLabel(locale, office)}
          </span>
          {offices.map((o) => (
            <Link key={o} href={`/staff/shared-data/${o}`} className={link}>
              {officeLabel(locale, o)}
            </Link>
          ))}
        </nav>
      )}
      <SharedDataFilters office={office} values={{ service: text(query0.service), month: text(query0.month) }} />
      {!query.ok && (
        <p
          role="alert"
          data-testid="shared-filter-error"
          className="rounded-md border border-red-700 bg-white px-3 py-2 text-red-900"
        >
          {t(`invalid.${query.invalid}`)}
        </p>
      )}
      {query.ok && <SharedCounts counts={counts} />}
      {query.ok && (
        <TableRegion captionId="shared-list-caption">
          <table className="w-full min-w-[56rem] text-sm">
            <caption id="shared-list-caption" className="px-3 py-2 text-left font-semibold">
              {t("listCaption")}
            </caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={th}>
                  {t("at")}
                </th>
                <th scope="col" className={th}>
                  {t("record")}
                </th>
                <th scope="col" className={th}>
                  {t("fields")}
                </th>
                <th scope="col" className={th}>
                  {t("purpose")}
                </th>
                <th scope="col" className={th}>
                  {t("law")}
                </th>
                <th scope="col" className={th}>
                  {t("case")}
                </th>
              </tr>
            </thead>
            <tbody>
              {page.entries.length === 0 && (
                <tr>
                  <td colSpan={6} className={td} data-testid="shared-empty">
                    {filters.service || filters.month || filters.before ? t("emptyFiltered") : t("empty")}
                  </td>
                </tr>
              )}
              {page.entries.map((e) => (
                <SharedRow
                  key={String(e.seq)}
                  e={e}
                  locale={locale}
                  when={format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}
                  words={words}
                  none={t("none")}
                />
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <SeqPager
        before={filters.before}
        olderThan={page.olderThan}
        href={pageHref}
        labels={{ nav: t("pagination"), newest: t("newest"), older: t("older") }}
        linkClassName={link}
      />
    </section>
  );
}

const isRecordType = (r: string): r is RecordType => (RECORD_TYPE_CODES as readonly string[]).includes(r);

function SharedRow({
  e,
  locale,
  when,
  words,
  none,
}: {
  e: SharedRecord;
  locale: string;
  when: string;
  words: { (key: string): string; has(key: string): boolean };
  none: string;
}) {
  const records = e.recordTypes.filter(isRecordType);
  const service = e.serviceCode ? findService(e.serviceCode) : undefined;
  const purposes = records.flatMap((r) => {
    const p = service?.evidence.find((ev) => ev.recordType === r)?.purpose;
    return p ? [pick(locale, p)] : [];
  });
  const fields = e.fields.map((f) => (words.has(`recordFields.${f}`) ? words(`recordFields.${f}`) : f));
  return (
    <tr
      className="border-t border-slate-200"
      data-testid="shared-record"
      data-case={e.applicationId ?? ""}
      data-record={e.recordTypes.join(",")}
    >
      <td className={td}>{when}</td>
      <td className={td}>
        {records.length > 0
          ? joinList(
              locale,
              records.map((r) => recordName(words, r)),
            )
          : none}
      </td>
      <td className={td}>{fields.length > 0 ? joinList(locale, fields) : none}</td>
      <td className={td}>
        {[e.serviceCode ? serviceLabel(locale, e.serviceCode) : "", joinList(locale, purposes)]
          .filter(Boolean)
          .join(" · ") || none}
      </td>
      <td className={td}>
        {records.length > 0
          ? joinList(
              locale,
              records.map((r) => pick(locale, catalogueEntry(r).legalBasis)),
            )
          : none}
      </td>
      <td className={`${td} break-all font-mono text-xs`}>{e.applicationId ?? none}</td>
    </tr>
  );
}
