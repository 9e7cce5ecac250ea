"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

export interface FieldError {
  /** The id of the field (or the first input of a group) the link moves to. */
  fieldId: string;
  message: string;
}

/**
 * The GOV.UK error summary: at the top of a form, focused when it appears, one link per
 * problem to the field that has it. Each field also says its own problem beside it.
 */
export function ErrorSummary({ errors, testId = "error-summary" }: { errors: readonly FieldError[]; testId?: string }) {
  const t = useTranslations("common.errorSummary");
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map((e) => `${e.fieldId}:${e.message}`).join("|");
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={`${testId}-title`}
      data-testid={testId}
      className="rounded-lg border-4 border-red-700 bg-white p-4 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800"
    >
      <h2 id={`${testId}-title`} className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      <ul className="mt-2 list-none space-y-1">
        {errors.map((e) => (
          <li key={e.fieldId}>
            <a
              href={`#${e.fieldId}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(e.fieldId)?.focus();
              }}
              className="font-semibold text-red-800 underline underline-offset-4"
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A field's own error line, read with the field (give its id to the field's aria-describedby). */
export function FieldErrorMessage({ id, message }: { id: string; message: string | undefined }) {
  const t = useTranslations("common.errorSummary");
  if (!message) return null;
  return (
    <p id={id} className="font-semibold text-red-800" data-testid={id}>
      <span className="sr-only">{t("prefix")} </span>
      {message}
    </p>
  );
}
