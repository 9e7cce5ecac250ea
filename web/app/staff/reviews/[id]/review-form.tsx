"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useActionState, useState } from "react";
import { ErrorSummary, type FieldError, FieldErrorMessage } from "@/components/error-summary";
import { ActionResult, useRequestId } from "@/components/staff/action-result";
import type { StaffActionState } from "@/server/staff/send-case-action";
import { reviewAction } from "./actions";

const OUTCOMES = ["overturn", "uphold"] as const;
const REASONS_ID = "review-reasons";

/** Overturn or uphold a refusal, with the reasons the applicant reads. */
export function ReviewForm({
  applicationId,
  reviewId,
  requestId: first,
}: {
  applicationId: string;
  reviewId: string;
  requestId: string;
}) {
  const t = useTranslations("staff.review");
  const [state, action, pending] = useActionState<StaffActionState | null, FormData>(reviewAction, null);
  const requestId = useRequestId(first, state);
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number] | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const reasons = String(new FormData(event.currentTarget).get("reasons") ?? "").trim();
    const found: FieldError[] = [];
    if (!outcome) found.push({ fieldId: "outcome-overturn", message: t("chooseOutcome") });
    if (!reasons) found.push({ fieldId: REASONS_ID, message: t("reasonsRequired") });
    setErrors(found);
    if (found.length > 0) event.preventDefault();
  }
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;

  return (
    <form
      action={action}
      onSubmit={onSubmit}
      noValidate
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      aria-labelledby="review-decide-title"
    >
      <h2 id="review-decide-title" className="text-xl font-semibold">
        {t("decideTitle")}
      </h2>
      <ErrorSummary errors={errors} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="requestId" value={requestId} />
      <fieldset className="space-y-2" aria-describedby={errorFor("outcome-overturn") ? "outcome-error" : undefined}>
        <legend className="font-medium">{t("legend")}</legend>
        <FieldErrorMessage id="outcome-error" message={errorFor("outcome-overturn")} />
        {OUTCOMES.map((o) => (
          <label key={o} className="flex items-center gap-2">
            <input
              id={`outcome-${o}`}
              type="radio"
              name="outcome"
              value={o}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
              className="h-4 w-4"
            />
            {t(o)}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={REASONS_ID}>{t("reasonsLabel")}</label>
        <FieldErrorMessage id="reasons-error" message={errorFor(REASONS_ID)} />
        <textarea
          id={REASONS_ID}
          name="reasons"
          rows={3}
          maxLength={1000}
          aria-invalid={errorFor(REASONS_ID) ? true : undefined}
          aria-describedby={errorFor(REASONS_ID) ? "reasons-error" : undefined}
          className="rounded border border-slate-400 px-2 py-1.5 focus:outline-2 focus:outline-blue-700"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800 disabled:opacity-60"
      >
        {pending ? t("sending") : t("submit")}
      </button>
      <ActionResult state={state} />
    </form>
  );
}
