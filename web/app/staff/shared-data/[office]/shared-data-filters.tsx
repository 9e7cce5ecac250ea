import { getLocale, getTranslations } from "next-intl/server";
import { SERVICES } from "@visit-once/workflows/contracts";
import { serviceLabel } from "@/server/localised";

const field = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2";

/** By service and by month: a plain GET form (works without JavaScript; a filtered view is a link). */
export async function SharedDataFilters({
  office,
  values,
}: {
  office: string;
  values: { service?: string; month?: string };
}) {
  const [t, locale] = await Promise.all([getTranslations("staff.shared"), getLocale()]);
  return (
    <form
      method="get"
      aria-labelledby="shared-filters"
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3"
    >
      <h2 id="shared-filters" className="font-semibold sm:col-span-3">
        {t("filters")}
      </h2>
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
      <div>
        <label className="text-sm font-medium">
          {t("month")}
          <input
            name="month"
            type="month"
            defaultValue={values.month ?? ""}
            maxLength={7}
            aria-describedby="shared-month-hint"
            className={field}
          />
        </label>
        <p id="shared-month-hint" className="mt-1 text-xs text-slate-700">
          {t("monthHint")}
        </p>
      </div>
      <div className="flex items-end gap-3">
        <button type="submit" className="rounded-md bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
          {t("apply")}
        </button>
        <a href={`/staff/shared-data/${office}`} className="py-2 text-blue-800 underline-offset-4 hover:underline">
          {t("clear")}
        </a>
      </div>
    </form>
  );
}
