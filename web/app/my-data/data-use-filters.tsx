import { getLocale, getTranslations } from "next-intl/server";
import { SERVICES, STEP_OFFICES } from "@visit-once/workflows/contracts";
import { officeLabel, serviceLabel } from "@/server/localised";

const field = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2";

/** By department and by service: a plain GET form, so it works without JavaScript. */
export async function DataUseFilters({ values }: { values: { department?: string; service?: string; case?: string } }) {
  const [t, locale] = await Promise.all([getTranslations("citizen.dataUse"), getLocale()]);
  return (
    <form
      method="get"
      aria-labelledby="data-use-filters"
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3"
    >
      <h2 id="data-use-filters" className="font-semibold sm:col-span-3">
        {t("filters")}
      </h2>
      {values.case && <input type="hidden" name="case" value={values.case} />}
      <label className="text-sm font-medium">
        {t("department")}
        <select name="department" defaultValue={values.department ?? ""} className={field}>
          <option value="">{t("anyDepartment")}</option>
          {STEP_OFFICES.map((o) => (
            <option key={o} value={o}>
              {officeLabel(locale, o)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        {t("service")}
        <select name="service" defaultValue={values.service ?? ""} className={field}>
          <option value="">{t("anyService")}</option>
          {Object.keys(SERVICES).map((s) => (
            <option key={s} value={s}>
              {serviceLabel(locale, s)}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-end gap-3">
        <button type="submit" className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800">
          {t("apply")}
        </button>
        <a href="/my-data" className="py-2 text-blue-800 underline-offset-4 hover:underline">
          {t("clear")}
        </a>
      </div>
    </form>
  );
}
