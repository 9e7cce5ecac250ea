"use client";

import { useTranslations } from "next-intl";
import { prefillFromRecords } from "@/lib/prefill";
import { recordName } from "@/lib/record-entries";
import type { RecordView } from "@/lib/steps";

/**
 * The application form as the departments filled it: what they hold, locked, with its
 * source; and what the citizen typed. Corrections go through "this is wrong" on the record.
 */
export function PrefilledDetails({
  records,
  fields,
  fieldLabels,
  officeNames,
}: {
  records: RecordView[];
  fields: Record<string, string | number>;
  fieldLabels: Record<string, string>;
  officeNames: Record<string, string>;
}) {
  const t = useTranslations("citizen");
  const prefilled = prefillFromRecords(records);
  const typed = Object.entries(fieldLabels);
  return (
    <section aria-labelledby="details-title" className="space-y-3">
      <h2 id="details-title" className="text-lg font-semibold">
        {t("prefill.title")}
      </h2>
      <p className="text-slate-800">{t("prefill.intro")}</p>
      <form
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
        aria-labelledby="details-title"
        onSubmit={(e) => e.preventDefault()}
      >
        {prefilled.length === 0 && <p className="text-slate-700">{t("prefill.waiting")}</p>}
        {prefilled.map((p) => (
          <div key={p.field} className="space-y-1">
            <label htmlFor={`prefill-${p.field}`} className="block font-medium">
              {t(`prefill.fields.${p.field}`)}
            </label>
            <input
              id={`prefill-${p.field}`}
              readOnly
              aria-readonly="true"
              aria-describedby={`prefill-${p.field}-source`}
              value={p.field === "sex" ? t(`prefill.sex.${p.value === "F" ? "F" : "M"}`) : p.value}
              className="block w-full cursor-not-allowed rounded-md border border-slate-300 bg-slate-100 px-3 py-2 text-slate-900"
            />
            <p id={`prefill-${p.field}-source`} className="text-sm text-slate-700">
              {t("prefill.source", {
                record: recordName(t, p.recordType),
                department: officeNames[p.departmentCode] ?? p.departmentCode,
              })}
            </p>
          </div>
        ))}
        {typed.map(([name, label]) => (
          <div key={name} className="space-y-1">
            <label htmlFor={`typed-${name}`} className="block font-medium">
              {label}
            </label>
            <input
              id={`typed-${name}`}
              readOnly
              aria-readonly="true"
              aria-describedby={`typed-${name}-source`}
              value={fields[name] === undefined ? t("apply.notGiven") : String(fields[name])}
              className="block w-full cursor-not-allowed rounded-md border border-slate-300 bg-slate-100 px-3 py-2 text-slate-900"
            />
            <p id={`typed-${name}-source`} className="text-sm text-slate-700">
              {t("prefill.typed")}
            </p>
          </div>
        ))}
      </form>
    </section>
  );
}
