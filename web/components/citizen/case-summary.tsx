"use client";

import type { WorkingCalendar } from "@visit-once/workflows/contracts";
import { useTranslations } from "next-intl";
import { DeadlineText } from "@/components/deadline-text";
import { summariseCase } from "@/lib/case-summary";
import type { ApplicationView } from "@/lib/steps";

/**
 * The first thing on a case page (GOV.UK summary list): who has the case now, what the
 * citizen must do and by when. The form and the raw records come further down.
 */
export function CaseSummary({
  app,
  officeNames,
  stepTitles,
  now,
  calendar,
}: {
  app: ApplicationView;
  officeNames: Record<string, string>;
  stepTitles: Record<string, string>;
  now: Date;
  calendar?: WorkingCalendar;
}) {
  const t = useTranslations("citizen.case.summary");
  const words = useTranslations("citizen.case");
  const { holder, todo, currentStep } = summariseCase(app);
  const due = todo.kind === "answer" || todo.kind === "nothing" ? todo.dueAt : null;

  const holderText =
    holder.kind === "citizen"
      ? t("holder.citizen")
      : holder.kind === "caseworker"
        ? t("holder.caseworker")
        : holder.kind === "office"
          ? holder.code
            ? (officeNames[holder.code] ?? holder.code)
            : words("steps.visitOnce")
          : t("holder.none");

  return (
    <section
      aria-labelledby="summary-title"
      data-testid="case-summary"
      className="rounded-lg border border-slate-300 bg-white p-4"
    >
      <h2 id="summary-title" className="sr-only">
        {t("title")}
      </h2>
      <dl className="divide-y divide-slate-200">
        <div className="grid gap-1 py-2 sm:grid-cols-3">
          <dt className="font-medium">{t("holderLabel")}</dt>
          <dd className="sm:col-span-2">
            <span className="block" data-testid="case-holder" data-holder={holder.kind}>
              {holderText}
            </span>
            {currentStep && holder.kind !== "none" && (
              <span className="block text-sm text-slate-700" data-testid="case-step">
                {t("step", { step: stepTitles[currentStep.key] ?? currentStep.key })}
              </span>
            )}
          </dd>
        </div>
        <div className="grid gap-1 py-2 sm:grid-cols-3">
          <dt className="font-medium">{t("todoLabel")}</dt>
          <dd className="sm:col-span-2" data-testid="case-todo" data-todo={todo.kind}>
            {todo.kind === "answer" && (
              <a href="#requests-title" className="font-semibold text-blue-800 underline underline-offset-4">
                {t("todo.answer", { count: todo.count })}
              </a>
            )}
            {todo.kind === "download" && (
              <a href="#documents-title" className="font-semibold text-blue-800 underline underline-offset-4">
                {t("todo.download")}
              </a>
            )}
            {todo.kind === "confirm" && (
              <a href="#preview-title" className="font-semibold text-blue-800 underline underline-offset-4">
                {t("todo.confirm")}
              </a>
            )}
            {todo.kind === "nothing" && t("todo.nothing")}
            {todo.kind === "closed" && t("todo.closed")}
          </dd>
        </div>
        {due && (
          <div className="grid gap-1 py-2 sm:grid-cols-3">
            <dt className="font-medium">{todo.kind === "answer" ? t("answerBy") : t("expectedBy")}</dt>
            <dd className="sm:col-span-2" data-testid="case-due">
              <DeadlineText dueAt={due} now={now} calendar={calendar} />
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
