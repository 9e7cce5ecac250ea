import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { recordFieldRows } from "@/lib/record-entries";
import type { RevealTarget } from "@/server/at-rest/reveal-value";
import { officeLabel, recordLabel } from "@/server/localised";
import { RevealableValue } from "./revealable-value";

export interface EvidenceItem {
  recordType: string;
  departmentCode: string;
  retrievedAt: Date;
  sourceRecordId: string;
  data: unknown;
  /** Fields shown masked that the viewer may reveal (see revealVia). */
  revealable?: readonly string[];
}

/** Where the records are seen (a task or an exception): what a reveal names besides the record and field. */
export type RevealVia =
  { via: "task"; applicationId: string; stepKey: string } | { via: "exception"; exceptionId: string };

function revealTarget(via: RevealVia, recordType: string, field: string): RevealTarget {
  return { ...via, recordType, field };
}

/** Evidence records with their provenance: which department, which record, when. */
export async function EvidenceList({
  records,
  emptyText,
  revealVia,
}: {
  records: readonly EvidenceItem[];
  emptyText: string;
  revealVia?: RevealVia;
}) {
  // Field names in the words the citizen's pages use for the same records.
  const [t, words, locale, format] = await Promise.all([
    getTranslations("staff.evidence"),
    getTranslations("citizen"),
    getLocale(),
    getFormatter(),
  ]);
  if (records.length === 0) return <p className="text-slate-700">{emptyText}</p>;
  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {records.map((r) => (
        <li
          key={r.recordType}
          className="rounded-lg border border-slate-200 bg-white p-4"
          data-testid={`evidence-${r.recordType}`}
        >
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
              {recordFieldRows(r.data, words).map((row) => (
                <div key={row.key} className="contents">
                  <dt className="min-w-0 break-words text-slate-700">{row.label}</dt>
                  <dd className="min-w-0 break-all">
                    {revealVia && r.revealable?.includes(row.key) ? (
                      <RevealableValue
                        masked={row.value}
                        label={row.label}
                        target={revealTarget(revealVia, r.recordType, row.key)}
                      />
                    ) : (
                      row.value
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </li>
      ))}
    </ul>
  );
}
