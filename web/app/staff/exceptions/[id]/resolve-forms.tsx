"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useActionState, useState } from "react";
import { ErrorSummary, type FieldError, FieldErrorMessage } from "@/components/error-summary";
import { ActionResult, ClosedNotice, useRequestId } from "@/components/staff/action-result";
import type { conflictChoices } from "@/server/staff/conflict";
import type { ResolutionKind } from "@/server/staff/resolutions";
import { type ActionState, resolveAction } from "./actions";

type ConflictChoice = ReturnType<typeof conflictChoices>[number];

const TEXT_FIELD: Record<ResolutionKind, boolean> = {
  "choose-value": true,
  accept: true,
  refetch: false,
  "ask-department": true,
  "ask-citizen": true,
  escalate: true,
  reject: true,
};
const TEXT_ID = "resolve-text";
const valueId = (i: number) => `resolve-value-${i}`;
const kindId = (kind: ResolutionKind) => `resolve-kind-${kind}`;

/**
 * The resolutions that fit this exception as one choice (GOV.UK radios with a conditional
 * reveal): choosing one shows its own fields, and one button sends it. One request id per
 * render of the page's state, so a double submit is one action; each answer brings a new one.
 */
export function ResolveForms(props: {
  applicationId: string;
  exceptionId: string;
  kinds: readonly ResolutionKind[];
  choices: readonly ConflictChoice[];
  requestId: string;
  /** Set when the exception takes no resolution now; the last answer stays on screen above it. */
  closedText?: string;
}) {
  const t = useTranslations("staff.exception.actions");
  const [state, action, pending] = useActionState<ActionState | null, FormData>(resolveAction, null);
  const requestId = useRequestId(props.requestId, state);
  const [kind, setKind] = useState<ResolutionKind | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const firstKind = props.kinds[0];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const form = new FormData(event.currentTarget);
    const found: FieldError[] = [];
    if (!kind) {
      if (firstKind) found.push({ fieldId: kindId(firstKind), message: t("errors.kind") });
    } else {
      if (kind === "choose-value" && !form.get("value"))
        found.push({ fieldId: valueId(0), message: t("errors.value") });
      if (kind === "ask-department" && props.choices.length > 0 && !form.get("value"))
        found.push({ fieldId: valueId(0), message: t("errors.wrongValue") });
      if (TEXT_FIELD[kind] && !String(form.get("text") ?? "").trim())
        found.push({ fieldId: TEXT_ID, message: t(`errors.text.${kind}`) });
    }
    setErrors(found);
    if (found.length > 0) event.preventDefault();
  }
  const errorFor = (fieldId: string) => errors.find((e) => e.fieldId === fieldId)?.message;
  const kindError = firstKind ? errorFor(kindId(firstKind)) : undefined;

  return (
    <div className="space-y-4">
      <ActionResult state={state} />
      {props.closedText ? (
        <ClosedNotice testId="no-actions">{props.closedText}</ClosedNotice>
      ) : (
        <form
          action={action}
          onSubmit={onSubmit}
          noValidate
          aria-labelledby="actions-title"
          className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
          data-testid="resolve-form"
        >
          <ErrorSummary errors={errors} />
          <input type="hidden" name="applicationId" value={props.applicationId} />
          <input type="hidden" name="exceptionId" value={props.exceptionId} />
          <input type="hidden" name="requestId" value={requestId} />
          <fieldset
            className={`space-y-3 ${kindError ? "border-l-4 border-red-700 pl-3" : ""}`}
            aria-describedby={kindError ? "kind-error" : undefined}
          >
            <legend className="font-medium">{t("legend")}</legend>
            <FieldErrorMessage id="kind-error" message={kindError} />
            {props.kinds.map((k) => (
              <div key={k} data-testid={`resolve-${k}`} className="space-y-2">
                <div className="flex items-start gap-2">
                  <input
                    id={kindId(k)}
                    type="radio"
                    name="kind"
                    value={k}
                    checked={kind === k}
                    onChange={() => setKind(k)}
                    aria-describedby={`${kindId(k)}-hint`}
                    aria-controls={kind === k ? `${kindId(k)}-fields` : undefined}
                    className="mt-1 h-4 w-4"
                  />
                  <label htmlFor={kindId(k)} className="flex flex-col">
                    <span className="font-medium">{t(`${k}.title`)}</span>
                    <span id={`${kindId(k)}-hint`} className="text-sm text-slate-700">
                      {t(`${k}.hint`)}
                    </span>
                  </label>
                </div>
                {kind === k && (
                  <div
                    id={`${kindId(k)}-fields`}
                    className="ml-2 space-y-3 border-l-4 border-slate-300 pl-4"
                    data-testid={`resolve-${k}-fields`}
                  >
                    {k === "choose-value" && (
                      <ValueChoice
                        choices={props.choices}
                        error={errorFor(valueId(0))}
                        legend={t("choose-value.legend")}
                      />
                    )}
                    {k === "ask-department" && props.choices.length > 0 && (
                      <ValueChoice
                        choices={props.choices.filter((c) => c.correctable)}
                        error={errorFor(valueId(0))}
                        legend={t("ask-department.legend")}
                      />
                    )}
                    {TEXT_FIELD[k] && (
                      <div className="flex flex-col gap-1 text-sm">
                        <label htmlFor={TEXT_ID}>{t(`${k}.text`)}</label>
                        <FieldErrorMessage id="text-error" message={errorFor(TEXT_ID)} />
                        <textarea
                          id={TEXT_ID}
                          name="text"
                          required
                          rows={3}
                          maxLength={1000}
                          aria-invalid={errorFor(TEXT_ID) ? true : undefined}
                          aria-describedby={errorFor(TEXT_ID) ? "text-error" : undefined}
                          className="rounded border border-slate-400 px-2 py-1.5 focus:outline-2 focus:outline-blue-700"
                        />
                      </div>
                    )}
                  </div>
                )}
              </div>
            ))}
          </fieldset>
          <button
            type="submit"
            disabled={pending}
            className={`rounded px-4 py-2 font-medium text-white focus:outline-2 focus:outline-offset-2 focus:outline-blue-800 disabled:opacity-60 ${kind === "reject" ? "bg-red-800 hover:bg-red-900" : "bg-blue-800 hover:bg-blue-900"}`}
          >
            {pending ? t("sending") : t(kind ? `${kind}.submit` : "submit")}
          </button>
        </form>
      )}
    </div>
  );
}

function ValueChoice({
  choices,
  error,
  legend,
}: {
  choices: readonly ConflictChoice[];
  error: string | undefined;
  legend: string;
}) {
  return (
    <fieldset className="space-y-2" aria-describedby={error ? "value-error" : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      <FieldErrorMessage id="value-error" message={error} />
      {choices.map((c, i) => (
        <label key={`${c.value}-${i}`} className="flex items-start gap-2 text-sm">
          <input id={valueId(i)} type="radio" name="value" value={c.value} required className="mt-1 h-4 w-4" />
          <span>
            <span className="font-medium">{c.label}</span> <span className="text-slate-700">({c.source})</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
