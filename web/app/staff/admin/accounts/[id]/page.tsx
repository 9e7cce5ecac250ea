import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { firstParam, type SearchParam } from "@/lib/pagination";
import { isUuid } from "@/lib/validation";
import { officeLabel } from "@/server/localised";
import { officeChoices } from "@/server/offices/office-choices";
import { findStaffAccount } from "@/server/staff/list-staff-accounts";
import { requireQueue } from "@/server/staff/staff-access";
import { resetSecondFactorAction, setAccountActiveAction } from "../actions";
import { ChangeForm } from "./change-form";
import { ReissueForm } from "./reissue-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common.account.admin"))("title") };
}

const STATUS = ["deactivated", "reactivated", "unchanged", "last-admin"] as const;

/** One staff account: its role and office, deactivation or reactivation, and the sign-in code reset. */
export default async function StaffAccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ status?: SearchParam }>;
}) {
  await requireQueue("accounts");
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const account = isUuid(id) ? await findStaffAccount(id) : null;
  if (!account) notFound();
  const [t, tAccount, tList, tRole, tError, locale] = await Promise.all([
    getTranslations("common.account.admin"),
    getTranslations("staff.admin.account"),
    getTranslations("staff.admin.accounts"),
    getTranslations("staff.admin.roles"),
    getTranslations("staff.admin.errors"),
    getLocale(),
  ]);
  const offices = await officeChoices(locale);
  const status = STATUS.find((s) => s === firstParam(query.status));
  return (
    <section aria-labelledby="account-title" className="space-y-6">
      <Link href="/staff/admin/accounts" className="text-blue-800 underline">
        {tAccount("back")}
      </Link>
      <h1 id="account-title" className="text-2xl font-semibold">
        {tAccount("title", { name: account.name })}
      </h1>
      {status && (
        <p
          role={status === "last-admin" ? "alert" : "status"}
          data-testid="account-outcome"
          className="rounded-md border border-slate-300 bg-white px-3 py-2"
        >
          {status === "last-admin"
            ? tError("last-admin")
            : status === "unchanged"
              ? tAccount("access.unchanged")
              : tAccount(`access.${status}`, { name: account.name })}
        </p>
      )}
      <dl
        className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm"
        aria-label={tAccount("details")}
      >
        <dt className="font-medium">{t("email")}</dt>
        <dd>{account.email}</dd>
        <dt className="font-medium">{t("role")}</dt>
        <dd>{tRole(account.role as "CASEWORKER" | "OFFICER" | "ADMIN")}</dd>
        <dt className="font-medium">{t("office")}</dt>
        <dd>{account.departmentCode ? officeLabel(locale, account.departmentCode) : "—"}</dd>
        <dt className="font-medium">{tList("status")}</dt>
        <dd data-testid="account-status">
          {!account.active ? tList("deactivated") : account.invited ? tList("invited") : tList("active")}
        </dd>
        <dt className="font-medium">{t("secondFactor")}</dt>
        <dd>{account.enrolled ? t("enrolled") : t("notEnrolled")}</dd>
        <dt className="font-medium">{t("sessions")}</dt>
        <dd data-testid="open-sessions">{account.openSessions}</dd>
      </dl>
      {account.invited && account.active && <ReissueForm userId={account.id} />}
      <ChangeForm userId={account.id} role={account.role} office={account.departmentCode ?? ""} offices={offices} />
      <section aria-labelledby="access-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="access-title" className="text-xl font-semibold">
          {tAccount("access.title")}
        </h2>
        <p className="text-sm text-slate-700">
          {account.active ? tAccount("access.deactivateIntro") : tAccount("access.reactivateIntro")}
        </p>
        <div className="flex flex-wrap gap-3">
          <form action={setAccountActiveAction}>
            <input type="hidden" name="userId" value={account.id} />
            <input type="hidden" name="active" value={account.active ? "false" : "true"} />
            <button
              type="submit"
              className={
                account.active
                  ? "rounded-md border border-red-700 bg-white px-3 py-1.5 font-medium text-red-800 hover:bg-red-50"
                  : "rounded bg-blue-800 px-3 py-1.5 font-medium text-white hover:bg-blue-900"
              }
            >
              {account.active ? tAccount("access.deactivate") : tAccount("access.reactivate")}
            </button>
          </form>
          {account.enrolled && (
            <form action={resetSecondFactorAction}>
              <input type="hidden" name="userId" value={account.id} />
              <button
                type="submit"
                className="rounded-md border border-red-700 bg-white px-3 py-1.5 font-medium text-red-800 hover:bg-red-50"
              >
                {t("reset")}
              </button>
            </form>
          )}
        </div>
      </section>
    </section>
  );
}
