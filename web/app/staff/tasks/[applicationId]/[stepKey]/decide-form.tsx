"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useActionState, useState } from "react";
import type { StepDecision } from "@visit-once/workflows/contracts";
import { ErrorSummary, type FieldError, FieldErrorMessage } from "@/components/error-summary";
import { ActionResult, ClosedNotice, useRequestId } from "@/components/staff/action-result";
import { decideAction, type DecideState } from "./actions";

const DECISIONS = ["approve", "request-correction", "reject"] as const satisfies readonly StepDecision[];
type Decision = (typeof DECISIONS)[number];

const FIRST_DECISION_ID = `decision-${DECISIONS[0]}`;
const REASON_ID = "decide-reason";

/**
 * Approve, ask for a correction or reject, below the evidence. Nothing is chosen at first: a
 * decision is the officer's act. The last two need a reason the citizen can act on. Problems
 * show in an error summary and at each field (GOV.UK); the server checks the same again.
 */
export function DecideForm({
  applicationId,
  stepKey,
  requestId: firstRequestId,
  closedText,
  ruleOptions = [],
  recordOptions = [],
}: {
  applicationId: string;
  stepKey: string;
  requestId: string;
  /** For a rejection: the rules it may rest on ("step", or a service rule's index) and the records the step sees. */
  ruleOptions?: { value: string; label: string }[];
  recordOptions?: { value: string; label: string }[];
  /** Set when the step takes no decision now; the last answer stays on screen above it. */
  closedText?: string;
}) {
  const t = useTranslations("staff.task.decide");
  const words = useTranslations("staff.result");
  const [state, action, pending] = useActionState<DecideState | null, FormData>(decideAction, null);
  const requestId = useRequestId(firstRequestId, state);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const result = <ActionResult state={state} />;
  if (closedText) {
    return (
      <div className="space-y-3">
        {result}
        <ClosedNotice testId="no-decision">{closedText}</ClosedNotice>
      </div>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    const found: FieldError[] = [];
    if (!decision) found.push({ fieldId: FIRST_DECISION_ID, message: words("chooseDecision") });
    else if (decision !== "approve" && !reason) found.push({ fieldId: REASON_ID, message: words("reasonRequired") });
    setErrors(found);
    if (found.length > 0) event.preventDefault();
  }
  const errorFor = (fieldId: string) => errors.find((e) => e.fieldId === fieldId)?.message;
  const decisionError = errorFor(FIRST_DECISION_ID);
  const reasonError = errorFor(REASON_ID);

  return (
    <form
      action={action}
      onSubmit={onSubmit}
      noValidate
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      aria-labelledby="decide-title"
    >
      <h2 id="decide-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <ErrorSummary errors={errors} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="stepKey" value={stepKey} />
      <input type="hidden" name="requestId" value={requestId} />
      <fieldset
        className={`space-y-2 ${decisionError ? "border-l-4 border-red-700 pl-3" : ""}`}
        aria-describedby={decisionError ? "decision-error" : undefined}
      >
        <legend className="font-medium">{t("legend")}</legend>
        <FieldErrorMessage id="decision-error" message={decisionError} />
        {DECISIONS.map((d) => (
          <label key={d} className="flex items-center gap-2">
            <input
              id={`decision-${d}`}
              type="radio"
              name="decision"
              value={d}
              checked={decision === d}
              onChange={() => setDecision(d)}
              className="h-4 w-4"
            />
            {t(d)}
          </label>
        ))}
      </fieldset>
      {decision === "reject" && ruleOptions.length > 0 && (
        <div className="space-y-3 rounded border border-red-200 bg-red-50 p-3 text-sm" data-testid="refusal-basis">
          <div className="flex flex-col gap-1">
            <label htmlFor="decide-rule" className="font-medium">
              {t("ruleLegend")}
            </label>
            <select
              id="decide-rule"
              name="rule"
              defaultValue="step"
              className="rounded border border-slate-400 bg-white px-2 py-1.5"
            >
              {ruleOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="space-y-1">
            <legend className="font-medium">{t("recordsLegend")}</legend>
            {recordOptions.map((o) => (
              <label key={o.value} className="flex items-center gap-2">
                <input type="checkbox" name="records" value={o.value} defaultChecked className="h-4 w-4" />
                {o.label}
              </label>
            ))}
          </fieldset>
          <p className="text-slate-700">{t("recordsHint")}</p>
        </div>
      )}
      <div className={`flex flex-col gap-1 text-sm ${reasonError ? "border-l-4 border-red-700 pl-3" : ""}`}>
        <label htmlFor={REASON_ID}>
          {decision === null || decision === "approve" ? t("reasonOptional") : t("reasonRequired")}
        </label>
        <FieldErrorMessage id="reason-error" message={reasonError} />
        <textarea
          id={REASON_ID}
          name="reason"
          rows={3}
          maxLength={1000}
          required={decision !== null && decision !== "approve"}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? "reason-error reason-hint" : "reason-hint"}
          className="rounded border border-slate-400 px-2 py-1.5 focus:outline-2 focus:outline-blue-700"
        />
      </div>
      <p id="reason-hint" className="text-sm text-slate-700">
        {t("reasonHint")}
      </p>
      <button
        type="submit"
        disabled={pending}
        className={`rounded px-4 py-2 font-medium text-white focus:outline-2 focus:outline-offset-2 focus:outline-blue-800 disabled:opacity-60 ${decision === "reject" ? "bg-red-800 hover:bg-red-900" : "bg-blue-800 hover:bg-blue-900"}`}
      >
        {pending ? t("sending") : t(`submit.${decision ?? "none"}`)}
      </button>
      {result}
    </form>
  );
}
