"use client";

import { useTranslations } from "next-intl";
import { FieldErrorMessage } from "@/components/error-summary";
import type { CitizenFieldKind } from "@/lib/citizen-fields";
import type { PrefillField } from "@/lib/prefill";

export interface FieldItem {
  name: string;
  label: string;
  kind: CitizenFieldKind;
  required: boolean;
}

/** A detail a department holds: shown locked, filled in from the record once it arrives. */
export interface LockedItem {
  field: PrefillField;
  recordLabel: string;
  departmentName: string;
}

const INPUT_TYPES: Record<CitizenFieldKind, string> = {
  text: "text",
  number: "text",
  date: "date",
  "national-id": "text",
};

export const fieldId = (name: string) => `field-${name}`;

/** The details stage: what departments hold, locked; what only the citizen knows, each with its own error. */
export function ApplyDetails({
  fields,
  locked,
  values,
  errors,
  onChange,
}: {
  fields: FieldItem[];
  locked: LockedItem[];
  values: Record<string, string>;
  /** Each field's problem in words, by field name. */
  errors: Record<string, string>;
  onChange: (name: string, value: string) => void;
}) {
  const t = useTranslations("citizen.apply");
  const tp = useTranslations("citizen.prefill");
  return (
    <div className="space-y-6">
      {locked.length > 0 && (
        <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 font-semibold">{t("lockedLegend")}</legend>
          <p className="text-sm text-slate-700">{t("lockedHint")}</p>
          {locked.map((l) => (
            <div key={l.field} className="space-y-1">
              <label htmlFor={`locked-${l.field}`} className="block font-medium">
                {tp(`fields.${l.field}`)}
              </label>
              <input
                id={`locked-${l.field}`}
                readOnly
                aria-readonly="true"
                aria-describedby={`locked-${l.field}-source`}
                value={t("lockedValue")}
                className="block w-full cursor-not-allowed rounded-md border border-slate-300 bg-slate-100 px-3 py-2 text-slate-700"
              />
              <p id={`locked-${l.field}-source`} className="text-sm text-slate-700">
                {tp("source", { record: l.recordLabel, department: l.departmentName })}
              </p>
            </div>
          ))}
        </fieldset>
      )}
      <fieldset className="space-y-4">
        <legend className="mb-2 font-semibold">{t("fieldsLegend")}</legend>
        {fields.length === 0 && <p className="text-slate-700">{t("noFields")}</p>}
        {fields.map((f) => {
          const error = errors[f.name];
          const id = fieldId(f.name);
          return (
            <div key={f.name} className={`space-y-1 ${error ? "border-l-4 border-red-700 pl-3" : ""}`}>
              <label htmlFor={id} className="block font-medium">
                {f.label}
                {f.required ? "" : ` ${t("optional")}`}
              </label>
              <FieldErrorMessage id={`${id}-error`} message={error} />
              <input
                id={id}
                name={f.name}
                type={INPUT_TYPES[f.kind]}
                inputMode={f.kind === "number" ? "decimal" : undefined}
                required={f.required}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                value={values[f.name] ?? ""}
                onChange={(e) => onChange(f.name, e.target.value)}
                className="block w-full rounded-md border border-slate-500 bg-white px-3 py-2 aria-invalid:border-red-700"
              />
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
