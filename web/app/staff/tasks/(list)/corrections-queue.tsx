import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DueDate } from "@/components/staff/due-date";
import { TableRegion, td, th } from "@/components/staff/table-region";
import { listOpenCorrections } from "@/server/corrections/list-corrections";
import { officeLabel, recordLabel, serviceLabel } from "@/server/localised";

/** The corrections asked of the office, above its department steps: its own records to put right. */
export async function CorrectionsQueue({ office }: { office: string }) {
  const [t, locale, format, items] = await Promise.all([
    getTranslations("staff.tasks.corrections"),
    getLocale(),
    getFormatter(),
    listOpenCorrections(office),
  ]);
  const now = new Date();
  return (
    <section aria-labelledby="corrections-title" className="space-y-3" data-testid="corrections-queue">
      <h2 id="corrections-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-700">{t("intro", { office: officeLabel(locale, office) })}</p>
      {items.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-800" data-testid="corrections-empty">
          {t("empty")}
        </p>
      ) : (
        <TableRegion captionId="corrections-caption">
          <table className="w-full min-w-[36rem] text-sm">
            <caption id="corrections-caption" className="px-3 py-2 text-left text-slate-700">
              {t("caption", { total: items.length })}
            </caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={th}>
                  {t("record")}
                </th>
                <th scope="col" className={th}>
                  {t("service")}
                </th>
                <th scope="col" className={th}>
                  {t("opened")}
                </th>
                <th scope="col" className={th}>
                  {t("due")}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr
                  key={c.id}
                  className="border-t border-slate-200"
                  data-testid="correction-row"
                  data-application-id={c.applicationId}
                  data-record-type={c.recordType}
                >
                  <td className={td}>
                    <Link href={`/staff/corrections/${c.id}`} className="font-medium text-blue-800 underline">
                      {recordLabel(locale, c.recordType)}
                    </Link>
                    <span className="block break-all text-xs text-slate-700">{c.applicationId}</span>
                  </td>
                  <td className={td}>{serviceLabel(locale, c.application.serviceCode)}</td>
                  <td className={td}>
                    <time dateTime={c.openedAt.toISOString()}>
                      {format.dateTime(c.openedAt, { dateStyle: "medium", timeStyle: "short" })}
                    </time>
                  </td>
                  <td className={td}>
                    <DueDate dueAt={c.dueAt} now={now} done={false} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
