import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { SERVICES } from "@visit-once/workflows/contracts";
import { TableRegion, td, th } from "@/components/staff/table-region";
import { joinList, officeLabel, pick, recordLabel } from "@/server/localised";
import { requireQueue } from "@/server/staff/staff-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.admin.services"))("title") };
}

/** Administrators: every service definition with its version, the records it fetches and its department steps. Read-only. */
export default async function ServicesPage() {
  await requireQueue("services");
  const [t, locale] = await Promise.all([getTranslations("staff.admin.services"), getLocale()]);
  const services = Object.values(SERVICES);
  return (
    <section aria-labelledby="services-title" className="space-y-6">
      <div>
        <h1 id="services-title" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      <TableRegion captionId="services-caption">
        <table className="w-full min-w-[48rem] text-sm">
          <caption id="services-caption" className="px-3 py-2 text-left text-slate-700">
            {t("caption")}
          </caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={th}>
                {t("name")}
              </th>
              <th scope="col" className={th}>
                {t("code")}
              </th>
              <th scope="col" className={th}>
                {t("version")}
              </th>
              <th scope="col" className={th}>
                {t("records")}
              </th>
              <th scope="col" className={th}>
                {t("steps")}
              </th>
            </tr>
          </thead>
          <tbody>
            {services.map((s) => (
              <tr key={s.code} className="border-t border-slate-200" data-testid={`service-${s.code}`}>
                <th scope="row" className={`${td} text-left font-medium`}>
                  {pick(locale, s.title)}
                </th>
                <td className={td}>
                  <code>{s.code}</code>
                </td>
                <td className={td} data-testid="service-version">
                  {s.version}
                </td>
                <td className={td}>
                  {joinList(
                    locale,
                    s.evidence.map((e) => recordLabel(locale, e.recordType)),
                  )}
                </td>
                <td className={td}>
                  <ol className="list-decimal pl-4">
                    {s.steps.map((step) => (
                      <li key={step.key}>
                        {pick(locale, step.title)} ({officeLabel(locale, step.office)})
                      </li>
                    ))}
                  </ol>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}
