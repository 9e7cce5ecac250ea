import { getTranslations } from "next-intl/server";
import { ACCESS_ACTIONS } from "@visit-once/prisma/ledger";

const field = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2";

/** The ledger's filters: a plain GET form, so a filtered view is a link an admin can share. */
export async function LedgerFilters({ values }: { values: { action?: string; case?: string; actor?: string } }) {
  const t = await getTranslations("staff.ledger");
  return (
    <form
      method="get"
      aria-labelledby="ledger-filters"
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4"
    >
      <h2 id="ledger-filters" className="font-semibold sm:col-span-4">
        {t("filters")}
      </h2>
      <label className="text-sm font-medium">
        {t("action")}
        <select name="action" defaultValue={values.action ?? ""} className={field}>
          <option value="">{t("anyAction")}</option>
          {ACCESS_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`kinds.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        {t("case")}
        <input name="case" defaultValue={values.case ?? ""} maxLength={100} className={field} />
      </label>
      <label className="text-sm font-medium">
        {t("actor")}
        <input name="actor" defaultValue={values.actor ?? ""} maxLength={100} className={field} />
      </label>
      <div className="flex items-end gap-3">
        <button type="submit" className="rounded-md bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
          {t("apply")}
        </button>
        <a href="/staff/admin/ledger" className="py-2 text-blue-800 underline-offset-4 hover:underline">
          {t("clear")}
        </a>
      </div>
    </form>
  );
}
