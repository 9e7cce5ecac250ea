import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { officeLabel, recordLabel } from "@/server/staff/localised";

export interface EvidenceItem {
  recordType: string;
  departmentCode: string;
  retrievedAt: Date;
  sourceRecordId: string;
  data: unknown;
}

const show = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));

/** Evidence records with their provenance: which department, which record, when. */
export async function EvidenceList({ records, emptyText }: { records: readonly EvidenceItem[]; emptyText: string }) {
  const [t, locale, format] = await Promise.all([getTranslations("staff.evidence"), getLocale(), getFormatter()]);
  if (records.length === 0) return <p className="text-slate-700">{emptyText}</p>;
  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {records.map((r) => (
        <li key={r.recordType} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`evidence-${r.recordType}`}>
          <h3 className="font-semibold">{recordLabel(locale, r.recordType)}</h3>
          <p className="text-sm text-slate-700">
            {t("provenance", {
              department: officeLabel(locale, r.departmentCode),
              at: format.dateTime(r.retrievedAt, { dateStyle: "medium", timeStyle: "short" }),
            })}
          </p>
          <p className="break-all text-xs text-slate-700">{t("sourceRecord", { id: r.sourceRecordId })}</p>
          {r.data !== null && typeof r.data === "object" && (
            <dl className="mt-2 grid grid-cols-[minmax(6rem,auto)_1fr] gap-x-3 gap-y-1 text-sm">
              {Object.entries(r.data as Record<string, unknown>).map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="min-w-0 break-all text-slate-700">{k}</dt>
                  <dd className="min-w-0 break-all">{show(v)}</dd>
                </div>
              ))}
            </dl>
          )}
        </li>
      ))}
    </ul>
  );
}
