import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { exceptionSummary } from "@/server/staff/exception-summary";
import { LiveRefresh } from "@/components/staff/live-refresh";
import { StaffPager } from "@/components/staff/pager";
import { DueDate } from "@/components/staff/due-date";
import { TableRegion, td, th } from "@/components/staff/table-region";
import { conflictDepartments } from "@/server/staff/conflict";
import { countExceptions } from "@/server/staff/count-exceptions";
import { filterParams, parseExceptionFilters } from "@/server/staff/exception-filters";
import { listExceptions } from "@/server/staff/list-exceptions";
import { joinList, officeLabel, serviceLabel } from "@/server/localised";
import { claimHolder } from "@/server/staff/claim-holder";
import { pageHref, pastTheEnd } from "@/server/staff/pagination";
import { requireQueue } from "@/server/staff/staff-access";
import { ClaimButton } from "../claim-button";
import { FilterForm } from "./filter-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.exceptions"))("title") };
}

type Params = Record<string, string | string[] | undefined>;

export default async function ExceptionsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requireQueue("exceptions");
  const filters = parseExceptionFilters(await searchParams);
  const now = new Date();
  const [t, tk, ts, tsum, locale, { total, items }, figures] = await Promise.all([
    getTranslations("staff.exceptions"),
    getTranslations("staff.kinds"),
    getTranslations("staff.exceptionStatus"),
    getTranslations("staff.summaries"),
    getLocale(),
    listExceptions(filters, now),
    countExceptions(user.id, now),
  ]);
  // A page past the end of a list that has items (an old link, a hand-typed URL) goes to the last one.
  const last = pastTheEnd(filters.page, total);
  if (last !== null) redirect(pageHref("/staff/exceptions", filterParams(filters), last));
  const filtered = Object.values(filterParams(filters)).some(Boolean);

  return (
    <section aria-labelledby="exceptions-title" className="space-y-6">
      <LiveRefresh />
      <div>
        <h1 id="exceptions-title" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label={t("figures.label")}>
        {(["open", "overdue", "unclaimed", "mine"] as const).map((k) => (
          <div
            key={k}
            className={`rounded-lg border p-3 ${k === "overdue" && figures.overdue > 0 ? "border-red-300 bg-red-50" : "border-slate-200 bg-white"}`}
          >
            <dt className="text-sm text-slate-700">{t(`figures.${k}`)}</dt>
            <dd className="text-2xl font-semibold" data-testid={`figure-${k}`}>
              {figures[k]}
            </dd>
          </div>
        ))}
      </dl>

      <FilterForm filters={filters} />

      {items.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-800" data-testid="exceptions-empty">
          {filtered ? t("emptyFiltered") : t("empty")}
        </p>
      ) : (
        <TableRegion captionId="exceptions-caption">
          <table className="w-full min-w-[48rem] text-sm">
            <caption id="exceptions-caption" className="px-3 py-2 text-left text-slate-700">
              {t("table.caption", { total })}
            </caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={th}>
                  {t("table.summary")}
                </th>
                <th scope="col" className={th}>
                  {t("table.service")}
                </th>
                <th scope="col" className={th}>
                  {t("table.department")}
                </th>
                <th scope="col" className={th}>
                  {t("table.due")}
                </th>
                <th scope="col" className={th}>
                  {t("table.claim")}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((x) => (
                <tr
                  key={x.id}
                  className="border-t border-slate-200"
                  data-testid={`exception-${x.id}`}
                  data-application-id={x.applicationId}
                  data-kind={x.kind}
                >
                  <td className={td}>
                    <Link href={`/staff/exceptions/${x.id}`} className="font-medium text-blue-800 underline">
                      {tk(x.kind)}
                    </Link>
                    <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">
                      {ts(x.status)}
                    </span>
                    <p className="mt-1 text-slate-800">{exceptionSummary(tsum, locale, x, { inQueue: true })}</p>
                  </td>
                  <td className={td}>{serviceLabel(locale, x.application.serviceCode)}</td>
                  <td className={td}>
                    {x.departmentCode
                      ? officeLabel(locale, x.departmentCode)
                      : joinList(
                          locale,
                          conflictDepartments(x.conflict).map((d) => officeLabel(locale, d)),
                        ) || t("table.none")}
                  </td>
                  <td className={td}>
                    <DueDate dueAt={x.dueAt} now={now} done={x.status === "RESOLVED"} />
                  </td>
                  <td className={td}>
                    {x.status === "RESOLVED" ? (
                      <span className="text-slate-700">{ts("RESOLVED")}</span>
                    ) : (
                      <ClaimButton exceptionId={x.id} holder={claimHolder(x.claimedById, user.id)} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <StaffPager path="/staff/exceptions" params={filterParams(filters)} page={filters.page} total={total} />
    </section>
  );
}
