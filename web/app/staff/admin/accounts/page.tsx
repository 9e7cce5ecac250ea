import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { TableRegion, td, th } from "@/components/staff/table-region";
import { officeLabel } from "@/server/localised";
import { listStaffAccounts } from "@/server/staff/list-staff-accounts";
import { requireQueue } from "@/server/staff/staff-access";
import { resetSecondFactorAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common.account.admin"))("title") };
}

/** Administrators: the staff accounts, whether each has set up its sign-in code, and a reset for a lost one. */
export default async function StaffAccountsPage({ searchParams }: { searchParams: Promise<{ reset?: string | string[] }> }) {
  await requireQueue("accounts");
  const [params, t, tHeader, locale, accounts] = await Promise.all([
    searchParams,
    getTranslations("common.account.admin"),
    getTranslations("common.header"),
    getLocale(),
    listStaffAccounts(),
  ]);
  const resetId = typeof params.reset === "string" ? params.reset : undefined;
  const resetOne = accounts.find((a) => a.id === resetId);
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
      <TableRegion captionId="accounts-caption">
        <table className="w-full min-w-[48rem] text-sm">
          <caption id="accounts-caption" className="px-3 py-2 text-left text-slate-700">
            {t("caption")}
          </caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={th}>{t("name")}</th>
              <th scope="col" className={th}>{t("email")}</th>
              <th scope="col" className={th}>{t("role")}</th>
              <th scope="col" className={th}>{t("office")}</th>
              <th scope="col" className={th}>{t("secondFactor")}</th>
              <th scope="col" className={th}>{t("sessions")}</th>
              <th scope="col" className={th}>
                <span className="sr-only">{t("reset")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id} className="border-t border-slate-200" data-testid={`account-${a.email}`}>
                <th scope="row" className={`${td} text-left font-medium`}>
                  {a.name}
                </th>
                <td className={td}>{a.email}</td>
                <td className={td}>{tHeader(`roles.${a.role}`)}</td>
                <td className={td}>{a.departmentCode ? officeLabel(locale, a.departmentCode) : "—"}</td>
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
      </TableRegion>
    </section>
  );
}
