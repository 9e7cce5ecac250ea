"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/error-summary";
import { type ReplyState, replyToRectificationAction } from "./actions";

const box = "block w-full rounded-md border border-slate-500 bg-white px-3 py-2";

/** The office's answer to a bad rating: what it says to the citizen, and what it fixed. Both required. */
export function ReplyForm({ rectificationId }: { rectificationId: string }) {
  const t = useTranslations("staff.ratings");
  const [state, action, pending] = useActionState<ReplyState, FormData>(replyToRectificationAction, null);
  const result = state?.result;
  const invalid = result && !result.ok && result.error === "invalid" ? result.fields : [];
  const errors = invalid.map((f) => ({ fieldId: `rectification-${f}`, message: t(`errors.${f}`) }));
  if (result?.ok) {
    return (
      <p
        role="status"
        data-testid="reply-sent"
        className="rounded border border-green-300 bg-green-50 p-3 text-green-900"
      >
        {t("sent")}
      </p>
    );
  }
  return (
    // A new key after each answer: React resets a form after its action, to the defaults of this render (what was sent).
    <form
      key={JSON.stringify(state)}
      action={action}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      aria-labelledby="reply-title"
    >
      <h2 id="reply-title" className="text-xl font-semibold">
        {t("replyTitle")}
      </h2>
      <ErrorSummary errors={errors} />
      <input type="hidden" name="rectificationId" value={rectificationId} />
      {(["reply", "fixed"] as const).map((name) => (
        <div key={name}>
          <label htmlFor={`rectification-${name}`} className="block font-medium">
            {t(`${name}Label`)}
          </label>
          <p id={`rectification-${name}-hint`} className="text-sm text-slate-700">
            {t(`${name}Hint`)}
          </p>
          <textarea
            id={`rectification-${name}`}
            name={name}
            rows={3}
            maxLength={1000}
            required
            defaultValue={state?.values[name]}
            aria-invalid={invalid.includes(name)}
            aria-describedby={`rectification-${name}-hint${invalid.includes(name) ? ` rectification-${name}-error` : ""}`}
            className={box}
          />
          {invalid.includes(name) && (
            <p id={`rectification-${name}-error`} className="text-sm text-red-800">
              {t(`errors.${name}`)}
            </p>
          )}
        </div>
      ))}
      {result && !result.ok && result.error !== "invalid" && (
        <p role="alert" className="text-sm text-red-800">
          {t(`errors.${result.error}`)}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60"
      >
        {pending ? t("sending") : t("send")}
      </button>
    </form>
  );
}
