"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { ActionResult, ClosedNotice, useRequestId } from "@/components/staff/action-result";
import type { conflictChoices } from "@/server/staff/conflict";
import type { ResolutionKind } from "@/server/staff/resolutions";
import { type ActionState, resolveAction } from "./actions";

type ConflictChoice = ReturnType<typeof conflictChoices>[number];

const TEXT_FIELD: Record<ResolutionKind, boolean> = { "choose-value": true, accept: true, refetch: false, "ask-citizen": true, escalate: true, reject: true };
const button =
  "rounded px-4 py-2 text-sm font-medium focus:outline-2 focus:outline-offset-2 focus:outline-blue-800 disabled:opacity-60";

/**
 * The resolutions that fit this exception, one form each. All share one request id per
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
  return (
    <div className="space-y-4">
      <ActionResult state={state} />
      {props.closedText ? (
        <ClosedNotice testId="no-actions">{props.closedText}</ClosedNotice>
      ) : (
      <div className="grid gap-4 md:grid-cols-2">
        {props.kinds.map((kind) => (
          <ResolutionForm
            key={kind}
            kind={kind}
            action={action}
            pending={pending}
            requestId={requestId}
            applicationId={props.applicationId}
            exceptionId={props.exceptionId}
            choices={props.choices}
            label={t}
          />
        ))}
      </div>
      )}
    </div>
  );
}

function ResolutionForm({
  kind,
  action,
  pending,
  requestId,
  applicationId,
  exceptionId,
  choices,
  label,
}: {
  kind: ResolutionKind;
  action: (form: FormData) => void;
  pending: boolean;
  requestId: string;
  applicationId: string;
  exceptionId: string;
  choices: readonly ConflictChoice[];
  label: ReturnType<typeof useTranslations>;
}) {
  const id = useId();
  const danger = kind === "reject";
  return (
    <form action={action} aria-labelledby={`${id}-title`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid={`resolve-${kind}`}>
      <h3 id={`${id}-title`} className="font-semibold">
        {label(`${kind}.title`)}
      </h3>
      <p className="text-sm text-slate-700">{label(`${kind}.hint`)}</p>
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="exceptionId" value={exceptionId} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="kind" value={kind} />
      {kind === "choose-value" && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">{label("choose-value.legend")}</legend>
          {choices.map((c, i) => (
            <label key={`${c.value}-${i}`} className="flex items-start gap-2 text-sm">
              <input type="radio" name="value" value={c.value} required className="mt-1 h-4 w-4" />
              <span>
                <span className="font-medium">{c.value}</span> <span className="text-slate-700">({c.source})</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {TEXT_FIELD[kind] && (
        <label className="flex flex-col gap-1 text-sm">
          {label(`${kind}.text`)}
          <textarea name="text" required rows={3} maxLength={1000} className="rounded border border-slate-400 px-2 py-1.5 focus:outline-2 focus:outline-blue-700" />
        </label>
      )}
      <button type="submit" disabled={pending} className={`${button} ${danger ? "bg-red-800 text-white hover:bg-red-900" : "bg-blue-800 text-white hover:bg-blue-900"}`}>
        {pending ? label("sending") : label(`${kind}.submit`)}
      </button>
    </form>
  );
}
