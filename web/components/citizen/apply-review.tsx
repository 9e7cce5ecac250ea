"use client";

import { useTranslations } from "next-intl";
import type { ApplyStage } from "@/lib/apply-draft";
import { type FieldItem, fieldId } from "./apply-details";

export interface ConsentItem {
  recordType: string;
  recordLabel: string;
  departmentName: string;
  purpose: string;
}

const changeLink = "font-semibold text-blue-800 underline underline-offset-4";

/** Check your answers (GOV.UK): each answer with a Change link back to the stage and field it came from. */
export function ApplyReview({
  items,
  fields,
  values,
  onChange,
}: {
  items: ConsentItem[];
  fields: FieldItem[];
  values: Record<string, string>;
  onChange: (stage: ApplyStage, focusId?: string) => void;
}) {
  const t = useTranslations("citizen.apply");
  const change = (stage: ApplyStage, focusId: string | undefined, hidden: string) => (
    <a
      href={`?stage=${stage}${focusId ? `#${focusId}` : ""}`}
      onClick={(e) => {
        e.preventDefault();
        onChange(stage, focusId);
      }}
      className={changeLink}
    >
      {t("change")}
      <span className="sr-only"> {hidden}</span>
    </a>
  );
  return (
    <div className="space-y-4" data-testid="review">
      <section aria-labelledby="review-records-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 id="review-records-title" className="font-semibold">
          {t("reviewRecords")}
        </h3>
        <dl className="mt-2 divide-y divide-slate-200">
          <div className="grid gap-1 py-2 sm:grid-cols-[1fr_auto]">
            <dt className="sr-only">{t("reviewRecords")}</dt>
            <dd>
              <ul className="list-disc space-y-1 pl-5">
                {items.map((i) => (
                  <li key={i.recordType}>
                    {t("reviewRecord", { record: i.recordLabel, department: i.departmentName })}
                  </li>
                ))}
              </ul>
            </dd>
            <dd data-testid="change-consent">
              {change("consent", `consent-${items[0]?.recordType ?? ""}`, t("reviewRecords"))}
            </dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="review-fields-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 id="review-fields-title" className="font-semibold">
          {t("reviewFields")}
        </h3>
        {fields.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("noFields")}</p>
        ) : (
          <dl className="mt-2 divide-y divide-slate-200">
            {fields.map((f) => (
              <div key={f.name} className="grid gap-1 py-2 sm:grid-cols-[14rem_1fr_auto]">
                <dt className="font-medium text-slate-700">{f.label}</dt>
                <dd data-testid={`review-${f.name}`}>{values[f.name]?.trim() || t("notGiven")}</dd>
                <dd data-testid={`change-${f.name}`}>{change("details", fieldId(f.name), f.label)}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </div>
  );
}
