"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import type { StepDecision } from "@visit-once/workflows/contracts";
import { ActionResult, ClosedNotice, useRequestId } from "@/components/staff/action-result";
import { decideAction, type DecideState } from "./actions";

const DECISIONS = ["approve", "request-correction", "reject"] as const satisfies readonly StepDecision[];

/** Approve, ask for a correction or reject; the last two need a reason the citizen can act on. */
export function DecideForm({
  applicationId,
  stepKey,
  requestId: firstRequestId,
  closedText,
}: {
  applicationId: string;
  stepKey: string;
  requestId: string;
  /** Set when the step takes no decision now; the last answer stays on screen above it. */
  closedText?: string;
}) {
  const t = useTranslations("staff.task.decide");
  const [state, action, pending] = useActionState<DecideState | null, FormData>(decideAction, null);
  const requestId = useRequestId(firstRequestId, state);
  const [decision, setDecision] = useState<(typeof DECISIONS)[number]>("approve");
  const result = <ActionResult state={state} />;
  if (closedText) {
    return (
      <div className="space-y-3">
        {result}
        <ClosedNotice testId="no-decision">{closedText}</ClosedNotice>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="decide-title">
      <h2 id="decide-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="stepKey" value={stepKey} />
      <input type="hidden" name="requestId" value={requestId} />
      <fieldset className="space-y-2">
        <legend className="font-medium">{t("legend")}</legend>
        {DECISIONS.map((d) => (
          <label key={d} className="flex items-center gap-2">
            <input type="radio" name="decision" value={d} checked={decision === d} onChange={() => setDecision(d)} className="h-4 w-4" />
            {t(d)}
          </label>
        ))}
      </fieldset>
      <label className="flex flex-col gap-1 text-sm">
        {decision === "approve" ? t("reasonOptional") : t("reasonRequired")}
        <textarea name="reason" rows={3} maxLength={1000} required={decision !== "approve"} aria-describedby="reason-hint" className="rounded border border-slate-400 px-2 py-1.5 focus:outline-2 focus:outline-blue-700" />
      </label>
      <p id="reason-hint" className="text-sm text-slate-700">
        {t("reasonHint")}
      </p>
      <button
        type="submit"
        disabled={pending}
        className={`rounded px-4 py-2 font-medium text-white focus:outline-2 focus:outline-offset-2 focus:outline-blue-800 disabled:opacity-60 ${decision === "reject" ? "bg-red-800 hover:bg-red-900" : "bg-blue-800 hover:bg-blue-900"}`}
      >
        {pending ? t("sending") : t(`submit.${decision}`)}
      </button>
      {result}
    </form>
  );
}
