import { getLocale, getTranslations } from "next-intl/server";
import { PURPOSES } from "@visit-once/workflows/contracts";
import { TableRegion, td, th } from "@/components/staff/table-region";
import type { SharedCount } from "@/server/ledger/list-shared-data";
import { pick } from "@/server/localised";

/** The small table: records sent per month and purpose (a service is the purpose records are fetched for). */
export async function SharedCounts({ counts }: { counts: SharedCount[] }) {
  const [t, locale] = await Promise.all([getTranslations("staff.shared"), getLocale()]);
  const purpose = (code: string | null) =>
    code && Object.hasOwn(PURPOSES, code) ? pick(locale, PURPOSES[code as keyof typeof PURPOSES]) : t("none");
  return (
    <TableRegion captionId="shared-counts-caption">
      <table className="w-full text-sm" data-testid="shared-counts">
        <caption id="shared-counts-caption" className="px-3 py-2 text-left font-semibold">
          {t("countsCaption")}
        </caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className={th}>
              {t("countsMonth")}
            </th>
            <th scope="col" className={th}>
              {t("countsPurpose")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("countsRecords")}
            </th>
          </tr>
        </thead>
        <tbody>
          {counts.length === 0 && (
            <tr>
              <td colSpan={3} className={td}>
                {t("countsEmpty")}
              </td>
            </tr>
          )}
          {counts.map((c) => (
            <tr
              key={`${c.month}:${c.serviceCode}`}
              className="border-t border-slate-200"
              data-testid="shared-count"
              data-month={c.month}
              data-service={c.serviceCode ?? ""}
            >
              <th scope="row" className={`${td} text-left font-medium`}>
                {c.month}
              </th>
              <td className={td}>{purpose(c.serviceCode)}</td>
              <td className={`${td} text-right tabular-nums`}>{c.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
