"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useActionState, useState } from "react";
import { ErrorSummary, type FieldError, FieldErrorMessage } from "@/components/error-summary";
import { ActionResult, ClosedNotice, useRequestId } from "@/components/staff/action-result";
import { correctAction, type CorrectState } from "./actions";

export interface CorrectableField {
  name: string;
  label: string;
  current: string;
  /** The values a closed field takes, with their labels; absent for free text. */
  options?: { value: string; label: string }[];
}

const inputId = (name: string) => `correct-${name}`;
const REASON_ID = "refuse-reason";
const input = "rounded border border-slate-400 px-2 py-1.5 focus:outline-2 focus:outline-blue-700";

/**
 * The department's answer: each correctable field prefilled with the record's value, to change
 * what is wrong; or a refusal with its reason. One request id per answer, shared by both forms.
 */
export function CorrectForm(props: {
  applicationId: string;
  correctionId: string;
  fields: CorrectableField[];
  requestId: string;
  closedText?: string;
}) {
  const t = useTranslations("staff.correction.form");
  const [state, action, pending] = useActionState<CorrectState | null, FormData>(correctAction, null);
  const requestId = useRequestId(props.requestId, state);
  const [errors, setErrors] = useState<FieldError[]>([]);
  if (props.closedText) {
    return (
      <div className="space-y-3">
        <ActionResult state={state} />
        <ClosedNotice testId="correction-closed">{props.closedText}</ClosedNotice>
      </div>
    );
  }
  const firstField = props.fields[0];
  function onCorrect(event: FormEvent<HTMLFormElement>) {
    const form = new FormData(event.currentTarget);
    const changed = props.fields.some(
      (f) =>
        String(form.get(`value:${f.name}`) ?? "").trim() !== "" &&
        String(form.get(`value:${f.name}`)).trim() !== f.current,
    );
    const found = changed || !firstField ? [] : [{ fieldId: inputId(firstField.name), message: t("nothingChanged") }];
    setErrors(found);
    if (found.length > 0) event.preventDefault();
  }
  function onRefuse(event: FormEvent<HTMLFormElement>) {
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    const found = reason ? [] : [{ fieldId: REASON_ID, message: t("reasonRequired") }];
    setErrors(found);
    if (found.length > 0) event.preventDefault();
  }
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  const hidden = (
    <>
      <input type="hidden" name="applicationId" value={props.applicationId} />
      <input type="hidden" name="correctionId" value={props.correctionId} />
      <input type="hidden" name="requestId" value={requestId} />
    </>
  );

  return (
    <div className="space-y-4">
      <ErrorSummary errors={errors} />
      <ActionResult state={state} />
      {props.fields.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-800">{t("noFields")}</p>
      ) : (
        <form
          action={action}
          onSubmit={onCorrect}
          noValidate
          aria-labelledby="correct-title"
          className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
          data-testid="correct-form"
        >
          <h2 id="correct-title" className="text-xl font-semibold">
            {t("legend")}
          </h2>
          <p className="text-sm text-slate-700">{t("hint")}</p>
          {hidden}
          <input type="hidden" name="kind" value="correct" />
          {props.fields.map((f) => (
            <div key={f.name} className="flex flex-col gap-1 text-sm">
              <input type="hidden" name="field" value={f.name} />
              <input type="hidden" name={`was:${f.name}`} value={f.current} />
              <label htmlFor={inputId(f.name)} className="font-medium">
                {f.label}
              </label>
              <FieldErrorMessage id={`${inputId(f.name)}-error`} message={errorFor(inputId(f.name))} />
              {f.options ? (
                <select
                  id={inputId(f.name)}
                  name={`value:${f.name}`}
                  defaultValue={f.current}
                  className={input}
                  aria-describedby={errorFor(inputId(f.name)) ? `${inputId(f.name)}-error` : undefined}
                >
                  {!f.options.some((o) => o.value === f.current) && <option value="">{t("choose")}</option>}
                  {f.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={inputId(f.name)}
                  name={`value:${f.name}`}
                  defaultValue={f.current}
                  maxLength={200}
                  aria-invalid={errorFor(inputId(f.name)) ? true : undefined}
                  aria-describedby={errorFor(inputId(f.name)) ? `${inputId(f.name)}-error` : undefined}
                  className={input}
                />
              )}
            </div>
          ))}
          <div className="flex flex-col gap-1 text-sm">
            <label htmlFor="correct-note">{t("note")}</label>
            <textarea id="correct-note" name="note" rows={2} maxLength={1000} className={input} />
          </div>
          <button
            type="submit"
            disabled={pending}
            className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800 disabled:opacity-60"
          >
            {pending ? t("sending") : t("submit")}
          </button>
        </form>
      )}
      <form
        action={action}
        onSubmit={onRefuse}
        noValidate
        aria-labelledby="refuse-title"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
        data-testid="refuse-form"
      >
        <h2 id="refuse-title" className="text-lg font-semibold">
          {t("refuseLegend")}
        </h2>
        {hidden}
        <input type="hidden" name="kind" value="refuse" />
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={REASON_ID}>{t("refuseReason")}</label>
          <FieldErrorMessage id="refuse-reason-error" message={errorFor(REASON_ID)} />
          <textarea
            id={REASON_ID}
            name="reason"
            rows={2}
            maxLength={1000}
            aria-invalid={errorFor(REASON_ID) ? true : undefined}
            aria-describedby={errorFor(REASON_ID) ? "refuse-reason-error" : undefined}
            className={input}
          />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-red-800 px-4 py-2 font-medium text-white hover:bg-red-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800 disabled:opacity-60"
        >
          {pending ? t("sending") : t("refuse")}
        </button>
      </form>
    </div>
  );
}
