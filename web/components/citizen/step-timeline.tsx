"use client";

import type { WorkingCalendar } from "@visit-once/workflows/contracts";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { DeadlineText } from "@/components/deadline-text";
import { isStepOverdue, type StepView } from "@/lib/steps";

const STEP_STYLES: Record<StepView["status"], string> = {
  PENDING: "border-slate-300 bg-white",
  RUNNING: "border-blue-300 bg-blue-50",
  DONE: "border-green-300 bg-green-50",
  FAILED: "border-red-300 bg-red-50",
  AWAITING_DECISION: "border-blue-300 bg-blue-50",
  AWAITING_CITIZEN: "border-amber-300 bg-amber-50",
  REJECTED: "border-red-300 bg-red-50",
  REVOKED: "border-slate-300 bg-slate-50",
  CANCELLED: "border-slate-300 bg-slate-50",
};

const STEP_ICONS: Record<StepView["status"], string> = {
  PENDING: "○",
  RUNNING: "◔",
  DONE: "✓",
  FAILED: "✕",
  AWAITING_DECISION: "◔",
  AWAITING_CITIZEN: "!",
  REJECTED: "✕",
  REVOKED: "↺",
  CANCELLED: "–",
};

/** The case's steps: what each is, which office holds it, when it is due, done or overdue. */
export function StepTimeline({
  steps,
  officeNames,
  stepTitles,
  now,
  calendar,
}: {
  steps: StepView[];
  officeNames: Record<string, string>;
  /** Every step's title by its key, in the page's language. */
  stepTitles: Record<string, string>;
  now: Date;
  /** The holidays and working weekends, for the working days left. */
  calendar?: WorkingCalendar;
}) {
  const t = useTranslations("citizen");
  const format = useFormatter();
  const locale = useLocale();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });

  // The server page names every step the workflow writes (record fetches, the checks, the service's steps).
  const label = (step: StepView) => stepTitles[step.key] ?? step.key;

  return (
    <section aria-labelledby="steps-title">
      <h2 id="steps-title" className="mb-3 text-lg font-semibold">
        {t("case.stepsTitle")}
      </h2>
      <ol className="space-y-3">
        {steps.map((step) => {
          const office = step.departmentCode
            ? (officeNames[step.departmentCode] ?? step.departmentCode)
            : t("case.steps.visitOnce");
          const overdue = isStepOverdue(step, now);
          return (
            <li
              key={step.key}
              data-testid={`step-${step.key}`}
              data-status={step.status}
              className={`rounded-lg border p-4 text-slate-900 ${STEP_STYLES[step.status]}`}
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-medium">{label(step)}</span>
                <span className="font-semibold" data-testid={`step-${step.key}-status`}>
                  <span aria-hidden="true">{step.settled ? "✓" : STEP_ICONS[step.status]} </span>
                  {step.settled ? t("case.steps.settled") : t(`stepStatus.${step.status}`)}
                  {overdue && (
                    <span
                      data-testid={`step-${step.key}-overdue`}
                      className="ml-2 rounded bg-red-800 px-2 py-0.5 text-sm text-white"
                    >
                      {t("case.steps.overdue")}
                    </span>
                  )}
                </span>
              </div>
              <dl className="mt-1 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-800">
                <div>
                  <dt className="inline font-medium">{t("case.steps.heldBy")} </dt>
                  <dd className="inline" data-testid={`step-${step.key}-office`}>
                    {office}
                  </dd>
                </div>
                {step.dueAt && (
                  <div>
                    <dt className="inline font-medium">{t("case.steps.due")} </dt>
                    <dd className="inline">
                      <DeadlineText dueAt={step.dueAt} now={now} calendar={calendar} />
                    </dd>
                  </div>
                )}
                {step.completedAt && step.status === "DONE" && (
                  <div>
                    <dt className="inline font-medium">{t("case.steps.doneAt")} </dt>
                    <dd className="inline">
                      <time dateTime={step.completedAt}>{when(step.completedAt)}</time>
                    </dd>
                  </div>
                )}
              </dl>
              {step.detail &&
                (step.status === "FAILED" || step.status === "REJECTED" || step.status === "AWAITING_CITIZEN") && (
                  <p className="mt-1">{locale === "en" ? step.detail.en : step.detail.zh}</p>
                )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
