import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { StaffPager } from "@/components/staff/pager";
import { TableRegion, td, th } from "@/components/staff/table-region";
import { firstParam, type SearchParam } from "@/lib/pagination";
import { officeLabel } from "@/server/localised";
import { officeChoices } from "@/server/offices/office-choices";
import { listStaffAccounts } from "@/server/staff/list-staff-accounts";
import { pageHref, parsePage, pastTheEnd } from "@/server/staff/pagination";
import { requireQueue } from "@/server/staff/staff-access";
import { resetSecondFactorAction } from "./actions";
import { InviteForm } from "./invite-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common.account.admin"))("title") };
}

/** Administrators: the staff accounts (searched, 20 a page), an invitation for a new one, and a reset for a lost sign-in code. */
export default async function StaffAccountsPage({
  searchParams,
}: {
  searchParams: Promise<{ reset?: SearchParam; q?: SearchParam; page?: SearchParam }>;
}) {
  await requireQueue("accounts");
  const params = await searchParams;
  const query = (firstParam(params.q) ?? "").slice(0, 100);
  const page = parsePage(params.page);
  const [t, tAdmin, tRole, locale, { rows, total }] = await Promise.all([
    getTranslations("common.account.admin"),
    getTranslations("staff.admin.accounts"),
    getTranslations("staff.admin.roles"),
    getLocale(),
    listStaffAccounts({ query, page }),
  ]);
  const filters = { q: query || undefined };
  const last = pastTheEnd(page, total);
  if (last) redirect(pageHref("/staff/admin/accounts", filters, last));
  const offices = await officeChoices(locale);
  const resetId = firstParam(params.reset);
  const resetOne = rows.find((a) => a.id === resetId);
  return (
    <section aria-labelledby="accounts-title" className="space-y-6">
      <div>
        <h1 id="accounts-title" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      {resetId && (
        <p role="status" data-testid="reset-outcome" className="rounded-md border border-slate-300 bg-white px-3 py-2">
          {resetOne ? t("resetDone", { name: resetOne.name }) : t("notFound")}
        </p>
      )}
      <InviteForm offices={offices} />
      <form role="search" method="get" action="/staff/admin/accounts" className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm">
          {tAdmin("search")}
          <input
            name="q"
            type="search"
            defaultValue={query}
            maxLength={100}
            className="rounded border border-slate-400 px-2 py-1.5 focus:outline-2 focus:outline-blue-700"
          />
        </label>
        <button
          type="submit"
          className="rounded border border-slate-400 bg-white px-3 py-1.5 font-medium hover:bg-slate-100"
        >
          {tAdmin("searchButton")}
        </button>
        {query && (
          <Link href="/staff/admin/accounts" className="px-2 py-1.5 text-blue-800 underline">
            {tAdmin("clear")}
          </Link>
        )}
      </form>
      <TableRegion captionId="accounts-caption">
        <table className="w-full min-w-[56rem] text-sm">
          <caption id="accounts-caption" className="px-3 py-2 text-left text-slate-700">
            {t("caption")}
          </caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={th}>
                {t("name")}
              </th>
              <th scope="col" className={th}>
                {t("email")}
              </th>
              <th scope="col" className={th}>
                {t("role")}
              </th>
              <th scope="col" className={th}>
                {t("office")}
              </th>
              <th scope="col" className={th}>
                {tAdmin("status")}
              </th>
              <th scope="col" className={th}>
                {t("secondFactor")}
              </th>
              <th scope="col" className={th}>
                {t("sessions")}
              </th>
              <th scope="col" className={th}>
                <span className="sr-only">{t("reset")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id} className="border-t border-slate-200" data-testid={`account-${a.email}`}>
                <th scope="row" className={`${td} text-left font-medium`}>
                  <Link
                    href={`/staff/admin/accounts/${a.id}`}
                    aria-label={tAdmin("manageFor", { name: a.name })}
                    className="text-blue-800 underline"
                  >
                    {a.name}
                  </Link>
                </th>
                <td className={td}>{a.email}</td>
                <td className={td}>{tRole(a.role as "CASEWORKER" | "OFFICER" | "ADMIN")}</td>
                <td className={td}>{a.departmentCode ? officeLabel(locale, a.departmentCode) : "—"}</td>
                <td className={td} data-testid="account-status">
                  {!a.active ? tAdmin("deactivated") : a.invited ? tAdmin("invited") : tAdmin("active")}
                </td>
                <td className={td} data-testid="second-factor">
                  {a.enrolled ? t("enrolled") : t("notEnrolled")}
                </td>
                <td className={td} data-testid="open-sessions">
                  {a.openSessions}
                </td>
                <td className={td}>
                  {a.enrolled && (
                    <form action={resetSecondFactorAction}>
                      <input type="hidden" name="userId" value={a.id} />
                      <button
                        type="submit"
                        aria-label={t("resetFor", { name: a.name })}
                        className="rounded-md border border-red-700 bg-white px-3 py-1.5 font-medium text-red-800 hover:bg-red-50"
                      >
                        {t("reset")}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="px-3 py-4 text-slate-700">{tAdmin("none")}</p>}
      </TableRegion>
      <StaffPager path="/staff/admin/accounts" params={filters} page={page} total={total} />
    </section>
  );
}
