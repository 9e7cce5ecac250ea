import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SERVICES, STEP_OFFICES } from "@visit-once/workflows/contracts";
import { EXCEPTION_KINDS, type ExceptionFilters } from "@/server/staff/exception-filters";
import { officeLabel, serviceLabel } from "@/server/localised";

const field = "flex w-full min-w-0 flex-col gap-1 text-sm sm:w-auto";
const control =
  "w-full max-w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-slate-900 focus:outline-2 focus:outline-blue-700";

/** The queue's filters as a plain GET form: the URL holds the state, no script needed. */
export async function FilterForm({ filters }: { filters: ExceptionFilters }) {
  const [t, tk, locale] = await Promise.all([
    getTranslations("staff.exceptions.filters"),
    getTranslations("staff.kinds"),
    getLocale(),
  ]);
  return (
    <form
      method="get"
      action="/staff/exceptions"
      aria-label={t("label")}
      className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <label className={field}>
        {t("kind")}
        <select name="kind" defaultValue={filters.kind ?? ""} className={control}>
          <option value="">{t("any")}</option>
          {EXCEPTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {tk(k)}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        {t("service")}
        <select name="service" defaultValue={filters.service ?? ""} className={control}>
          <option value="">{t("any")}</option>
          {Object.keys(SERVICES).map((code) => (
            <option key={code} value={code}>
              {serviceLabel(locale, code)}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        {t("department")}
        <select name="department" defaultValue={filters.department ?? ""} className={control}>
          <option value="">{t("any")}</option>
          {STEP_OFFICES.map((code) => (
            <option key={code} value={code}>
              {officeLabel(locale, code)}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        {t("state")}
        <select name="state" defaultValue={filters.state === "resolved" ? "resolved" : ""} className={control}>
          <option value="">{t("open")}</option>
          <option value="resolved">{t("resolved")}</option>
        </select>
      </label>
      <label className="flex items-center gap-2 py-1.5 text-sm">
        <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue} className="h-4 w-4" />
        {t("overdueOnly")}
      </label>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          className="rounded bg-blue-800 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800"
        >
          {t("apply")}
        </button>
        <Link href="/staff/exceptions" className="text-sm text-blue-800 underline">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
