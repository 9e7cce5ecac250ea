"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { checkCitizenFields, type CitizenFieldKind, type CitizenFieldProblem } from "@/lib/citizen-fields";
import type { PrefillField } from "@/lib/prefill";
import type { SubmitErrorCode } from "@/server/applications/submit-application";

export interface ConsentItem {
  recordType: string;
  recordLabel: string;
  departmentName: string;
  purpose: string;
}

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

type Stage = "consent" | "details" | "review";
const STAGES: Stage[] = ["consent", "details", "review"];

/** The message key for a refused submission: what went wrong, and what the person can do about it. */
function submitErrorKey(status: number, code: SubmitErrorCode | undefined): string {
  if (status === 401) return "errors.signedOut";
  if (status === 429) return "errors.tooMany";
  if (code === "no-national-id") return "errors.noNationalId";
  if (code === "id-used-for-another-service") return "errors.idUsed";
  if (code === "not-started") return "errors.notStarted";
  if (status === 400) return "errors.invalid";
  return "errors.failed";
}

const INPUT_TYPES: Record<CitizenFieldKind, string> = { text: "text", number: "text", date: "date", "national-id": "text" };

/**
 * Applying in three stages on one page: consent to each record, the details only the
 * citizen knows (what departments hold is shown locked), then a review and one submit.
 */
export function ApplyWizard({
  applicationId,
  serviceCode,
  items,
  fields,
  locked,
}: {
  applicationId: string;
  serviceCode: string;
  items: ConsentItem[];
  fields: FieldItem[];
  locked: LockedItem[];
}) {
  const t = useTranslations("citizen.apply");
  const tp = useTranslations("citizen.prefill");
  const router = useRouter();
  const [stage, setStage] = useState<Stage>("consent");
  const [agreed, setAgreed] = useState<Record<string, boolean>>({});
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, CitizenFieldProblem>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const allAgreed = items.every((i) => agreed[i.recordType]);

  function go(next: Stage) {
    setStage(next);
    setError(null);
    // Move focus to the new stage's heading so keyboard and screen-reader users follow along.
    requestAnimationFrame(() => headingRef.current?.focus());
  }

  function onContinue(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (stage === "consent") {
      if (allAgreed) go("details");
      return;
    }
    if (stage === "details") {
      const checked = checkCitizenFields(fields, values);
      if (!checked.ok) {
        setProblems(checked.problems);
        const first = fields.find((f) => checked.problems[f.name]);
        if (first) document.getElementById(`field-${first.name}`)?.focus();
        return;
      }
      setProblems({});
      go("review");
      return;
    }
    void submit();
  }

  async function submit() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/applications", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ applicationId, serviceCode, consent: items.map((i) => i.recordType), fields: values }),
      });
      const body = (await res.json().catch(() => ({}))) as { url?: string; error?: string; code?: SubmitErrorCode };
      if (res.ok && body.url) {
        router.push(body.url);
        return;
      }
      setError(t(submitErrorKey(res.status, body.code)));
    } catch {
      setError(t("errors.offline"));
    }
    setBusy(false);
  }

  const stageIndex = STAGES.indexOf(stage);

  return (
    <form onSubmit={onContinue} noValidate className="space-y-6">
      <ol aria-label={t("progressLabel")} className="flex flex-wrap gap-2 text-sm">
        {STAGES.map((s, i) => (
          <li
            key={s}
            aria-current={s === stage ? "step" : undefined}
            className={`rounded-full border px-3 py-1 ${s === stage ? "border-blue-700 bg-blue-50 font-semibold text-blue-900" : i < stageIndex ? "border-green-700 text-green-900" : "border-slate-400 text-slate-700"}`}
          >
            {t("stageOf", { n: i + 1, total: STAGES.length })} {t(`stages.${s}`)}
          </li>
        ))}
      </ol>
      <h2 ref={headingRef} tabIndex={-1} className="text-lg font-semibold outline-none">
        {t(`stages.${stage}`)}
      </h2>

      {stage === "consent" && (
        <fieldset className="space-y-4">
          <legend className="mb-2 text-slate-800">{t("consentLegend")}</legend>
          {items.map((item) => {
            const id = `consent-${item.recordType}`;
            return (
              <div key={item.recordType} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`consent-item-${item.recordType}`}>
                <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
                  <dt className="font-medium text-slate-700">{t("record")}</dt>
                  <dd>{item.recordLabel}</dd>
                  <dt className="font-medium text-slate-700">{t("department")}</dt>
                  <dd>{item.departmentName}</dd>
                  <dt className="font-medium text-slate-700">{t("purpose")}</dt>
                  <dd>{item.purpose}</dd>
                </dl>
                <div className="mt-3 flex items-start gap-3">
                  <input
                    id={id}
                    type="checkbox"
                    name="consent"
                    value={item.recordType}
                    checked={Boolean(agreed[item.recordType])}
                    onChange={(e) => setAgreed((prev) => ({ ...prev, [item.recordType]: e.target.checked }))}
                    className="mt-1 h-5 w-5 shrink-0 accent-blue-700"
                  />
                  <label htmlFor={id}>{t("agree", { department: item.departmentName, record: item.recordLabel })}</label>
                </div>
              </div>
            );
          })}
        </fieldset>
      )}

      {stage === "details" && (
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
              const problem = problems[f.name];
              const id = `field-${f.name}`;
              return (
                <div key={f.name} className="space-y-1">
                  <label htmlFor={id} className="block font-medium">
                    {f.label}
                    {f.required ? "" : ` ${t("optional")}`}
                  </label>
                  <input
                    id={id}
                    name={f.name}
                    type={INPUT_TYPES[f.kind]}
                    inputMode={f.kind === "number" ? "decimal" : undefined}
                    required={f.required}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={problem ? `${id}-error` : undefined}
                    value={values[f.name] ?? ""}
                    onChange={(e) => setValues((prev) => ({ ...prev, [f.name]: e.target.value }))}
                    className="block w-full rounded-md border border-slate-500 bg-white px-3 py-2 aria-invalid:border-red-700"
                  />
                  {problem && (
                    <p id={`${id}-error`} className="text-sm text-red-800">
                      {problem === "required" ? t("errors.required") : t(`errors.invalid_${f.kind}`)}
                    </p>
                  )}
                </div>
              );
            })}
          </fieldset>
        </div>
      )}

      {stage === "review" && (
        <div className="space-y-4" data-testid="review">
          <section className="rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="font-semibold">{t("reviewRecords")}</h3>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {items.map((i) => (
                <li key={i.recordType}>{t("reviewRecord", { record: i.recordLabel, department: i.departmentName })}</li>
              ))}
            </ul>
          </section>
          <section className="rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="font-semibold">{t("reviewFields")}</h3>
            {fields.length === 0 ? (
              <p className="mt-2 text-slate-700">{t("noFields")}</p>
            ) : (
              <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[14rem_1fr]">
                {fields.map((f) => (
                  <div key={f.name} className="contents">
                    <dt className="font-medium text-slate-700">{f.label}</dt>
                    <dd data-testid={`review-${f.name}`}>{values[f.name]?.trim() || t("notGiven")}</dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
        </div>
      )}

      {error && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-4">
        {stageIndex > 0 && (
          <button
            type="button"
            onClick={() => go(STAGES[stageIndex - 1]!)}
            className="rounded-md border border-slate-500 bg-white px-5 py-2.5 font-semibold text-slate-900 hover:bg-slate-100"
          >
            {t("back")}
          </button>
        )}
        <button
          type="submit"
          disabled={(stage === "consent" && !allAgreed) || busy}
          aria-describedby="submit-hint"
          className="rounded-md bg-blue-700 px-5 py-2.5 font-semibold text-white hover:bg-blue-800 disabled:cursor-not-allowed disabled:bg-slate-500"
        >
          {stage === "review" ? (busy ? t("submitting") : t("submit")) : t("continue")}
        </button>
        <p id="submit-hint" className="text-sm text-slate-700" aria-live="polite">
          {stage === "consent" ? (allAgreed ? t("hints.ready") : t("hints.tickAll")) : stage === "review" ? (busy ? t("hints.sending") : t("hints.review")) : t("hints.details")}
        </p>
      </div>
    </form>
  );
}
