import type { ReactNode } from "react";
import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { AccessEventModel as AccessEvent } from "@visit-once/prisma";
import { TableRegion, td, th } from "@/components/staff/table-region";
import { joinList, officeLabel, recordLabel, serviceLabel } from "@/server/localised";
import { ledgerState } from "@/server/ledger/ledger-state";
import { listAccessEvents, parseLedgerFilters } from "@/server/ledger/list-access-events";
import { describeAccess } from "@/server/ledger/describe-access";
import { recordAdminSearch } from "@/server/ledger/record-admin-search";
import { requireQueue } from "@/server/staff/staff-access";
import { LedgerFilters } from "./ledger-filters";
import { LedgerStateNotice } from "./ledger-state-notice";
import { SeqPager } from "@/components/seq-pager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.ledger"))("title") };
}

type Params = Record<string, string | string[] | undefined>;

/** Administrators: the whole access ledger, newest first, with the chain's verified state. */
export default async function LedgerPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requireQueue("ledger");
  const [params, t, roles, locale, format, state] = await Promise.all([
    searchParams,
    getTranslations("staff.ledger"),
    getTranslations("common.header.roles"),
    getLocale(),
    getFormatter(),
    ledgerState(),
  ]);
  const query = parseLedgerFilters(params);
  const filters = query.ok ? query.filters : {};
  if (query.ok) await recordAdminSearch(user, filters);
  const page = query.ok ? await listAccessEvents(filters) : { entries: [], olderThan: null };
  const text = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  /** The same filters, from the newest entry or from before `before`. */
  const pageHref = (before?: bigint) => {
    const q = new URLSearchParams();
    if (filters.action) q.set("action", filters.action);
    if (filters.case) q.set("case", filters.case);
    if (filters.actor) q.set("actor", filters.actor);
    if (before !== undefined) q.set("before", String(before));
    return q.size > 0 ? `/staff/admin/ledger?${q}` : "/staff/admin/ledger";
  };

  return (
    <section aria-labelledby="ledger-title" className="space-y-6">
      <div>
        <h1 id="ledger-title" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      <LedgerStateNotice state={state} />
      <LedgerFilters values={{ action: text(params.action), case: text(params.case), actor: text(params.actor) }} />
      {!query.ok && (
        <p
          role="alert"
          data-testid="ledger-filter-error"
          className="rounded-md border border-red-700 bg-white px-3 py-2 text-red-900"
        >
          {t(`invalid.${query.invalid}`)}
        </p>
      )}
      <TableRegion captionId="ledger-caption">
        <table className="w-full min-w-[64rem] text-sm">
          <caption id="ledger-caption" className="px-3 py-2 text-left text-slate-700">
            {t("caption")}
          </caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={th}>
                {t("seq")}
              </th>
              <th scope="col" className={th}>
                {t("at")}
              </th>
              <th scope="col" className={th}>
                {t("what")}
              </th>
              <th scope="col" className={th}>
                {t("who")}
              </th>
              <th scope="col" className={th}>
                {t("whose")}
              </th>
              <th scope="col" className={th}>
                {t("why")}
              </th>
              <th scope="col" className={th}>
                {t("caseCol")}
              </th>
              <th scope="col" className={th}>
                {t("outcome")}
              </th>
            </tr>
          </thead>
          <tbody>
            {page.entries.length === 0 && (
              <tr>
                <td colSpan={8} className={td}>
                  {t("empty")}
                </td>
              </tr>
            )}
            {page.entries.map((e) => (
              <tr
                key={String(e.seq)}
                className="border-t border-slate-200"
                data-testid="ledger-entry"
                data-action={e.action}
                data-case={e.applicationId ?? ""}
              >
                <th scope="row" className={`${td} text-left font-mono font-medium`}>
                  {String(e.seq)}
                </th>
                <td className={td}>{format.dateTime(e.at, { dateStyle: "short", timeStyle: "medium" })}</td>
                <td className={td}>{what(e, t, locale)}</td>
                <td className={td}>{who(e, t, roles, locale)}</td>
                <td className={`${td} font-mono text-xs`}>
                  {/* An account id, or `person:` and a blind index for someone without one (a child): a code. */}
                  {e.subjectId ? <code>{e.subjectId}</code> : t("none")}
                </td>
                <td className={td}>{why(e, locale) || t("none")}</td>
                <td className={`${td} font-mono text-xs`}>{e.applicationId ?? t("none")}</td>
                <td className={td}>{outcomeLabel(e.outcome, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <SeqPager
        before={filters.before}
        olderThan={page.olderThan}
        href={pageHref}
        labels={{ nav: t("caption"), newest: t("newest"), older: t("older") }}
        linkClassName="text-blue-800 underline-offset-4 hover:underline"
      />
    </section>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"staff.ledger">>>;

function what(e: AccessEvent, t: T, locale: string): string {
  const kind = t(`kinds.${e.action as "sign-in"}`);
  const records = e.recordTypes.map((r) => recordLabel(locale, r));
  const from = e.department ? t("from", { office: officeLabel(locale, e.department) }) : "";
  return [kind, joinList(locale, records), from].filter(Boolean).join(" · ");
}

function who(e: AccessEvent, t: T, roles: Roles, locale: string): ReactNode {
  if (e.actorRole === "SYSTEM") return t("system");
  if (!e.actorId) return t("anonymous");
  // In the reader's words first, then the codes an administrator searches by (marked as code).
  const words = [isRole(e.actorRole) ? roles(e.actorRole) : "", e.actorOffice ? officeLabel(locale, e.actorOffice) : ""]
    .filter(Boolean)
    .join(", ");
  const codes = <code>{[e.actorRole, e.actorOffice, e.actorId].filter(Boolean).join(" · ")}</code>;
  return words ? (
    <>
      {words} — {codes}
    </>
  ) : (
    codes
  );
}

/**
 * Why, in the reader's language: the purpose and law an entry stores are English text, shown as
 * they are to an English reader; anyone else gets the catalogue's and the service's words.
 */
function why(e: AccessEvent, locale: string): string {
  const service = e.serviceCode ? serviceLabel(locale, e.serviceCode) : "";
  if (locale.startsWith("en")) return [service, e.purpose ?? "", e.legalBasis ?? ""].filter(Boolean).join(" · ");
  const words = describeAccess(e, "", locale);
  return [service, ...words.purposes, ...words.legalBases].filter(Boolean).join(" · ");
}

const OUTCOMES = [
  "allowed",
  "refused",
  "undecodable",
  "success",
  "wrong-password",
  "unknown-account",
  "locked",
  "invalid-input",
  "delivered",
] as const;
/** An outcome in words; a code this page does not know yet is shown as it is. */
function outcomeLabel(outcome: string, t: T): string {
  return (OUTCOMES as readonly string[]).includes(outcome)
    ? t(`outcomes.${outcome as (typeof OUTCOMES)[number]}`)
    : outcome;
}

type Roles = Awaited<ReturnType<typeof getTranslations<"common.header.roles">>>;
const ROLES = ["CITIZEN", "CASEWORKER", "OFFICER", "ADMIN"] as const;
const isRole = (r: string | null): r is (typeof ROLES)[number] => (ROLES as readonly (string | null)[]).includes(r);
