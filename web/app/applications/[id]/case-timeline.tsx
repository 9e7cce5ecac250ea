"use client";

import { useEffect, useState } from "react";
import { formatTime } from "@/lib/format";
import {
  type ApplicationView,
  isFinal,
  overallStatusText,
  recordLabel,
  stepLabel,
  stepStatusText,
  type StepView,
} from "@/lib/steps";

const POLL_MS = 1000;

const STEP_STYLES: Record<StepView["status"], string> = {
  PENDING: "border-slate-300 bg-white text-slate-700",
  RUNNING: "border-blue-300 bg-blue-50 text-blue-900",
  DONE: "border-green-300 bg-green-50 text-green-900",
  FAILED: "border-red-300 bg-red-50 text-red-900",
  AWAITING_DECISION: "border-blue-300 bg-blue-50 text-blue-900",
  AWAITING_CITIZEN: "border-amber-300 bg-amber-50 text-amber-900",
  REJECTED: "border-red-300 bg-red-50 text-red-900",
  REVOKED: "border-slate-300 bg-slate-50 text-slate-700",
  CANCELLED: "border-slate-300 bg-slate-50 text-slate-700",
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

/** Steps to show before the case has written its own: the service's, all waiting. */
function withPlaceholders(steps: StepView[], expected: { key: string; departmentCode: string | null }[]): StepView[] {
  if (steps.length > 0) return steps;
  return expected.map((s, position) => ({
    key: s.key,
    position,
    departmentCode: s.departmentCode,
    status: "PENDING",
    detail: null,
    startedAt: null,
    completedAt: null,
  }));
}

export function CaseTimeline({
  initial,
  expectedSteps,
  departmentNames,
}: {
  initial: ApplicationView;
  expectedSteps: { key: string; departmentCode: string | null }[];
  departmentNames: Record<string, string>;
}) {
  const [app, setApp] = useState(initial);
  const [stale, setStale] = useState(false);
  const final = isFinal(app.status);

  useEffect(() => {
    if (final) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const res = await fetch(`/api/applications/${encodeURIComponent(initial.id)}`, { cache: "no-store" });
        if (!res.ok) throw new Error(String(res.status));
        const next = (await res.json()) as ApplicationView;
        if (cancelled) return;
        setApp(next);
        setStale(false);
        if (isFinal(next.status)) return;
      } catch {
        if (cancelled) return;
        setStale(true);
      }
      timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [initial.id, final]);

  const steps = withPlaceholders(app.steps, expectedSteps).sort((a, b) => a.position - b.position);
  const statusText = overallStatusText(app.status, steps);

  return (
    <div className="space-y-6">
      <div
        data-testid="application-status"
        data-status={app.status}
        role="status"
        aria-live="polite"
        className={`rounded-lg border p-4 text-lg font-semibold ${
          app.status === "COMPLETED"
            ? "border-green-300 bg-green-50 text-green-900"
            : app.status === "FAILED"
              ? "border-red-300 bg-red-50 text-red-900"
              : "border-blue-300 bg-blue-50 text-blue-900"
        }`}
      >
        {statusText}
      </div>
      {stale && (
        <p className="text-sm text-slate-700">We could not refresh just now; trying again…</p>
      )}
      <section aria-labelledby="steps-title">
        <h2 id="steps-title" className="mb-3 text-lg font-semibold">
          Steps
        </h2>
        <ol className="space-y-3">
          {steps.map((step) => {
            const department = step.departmentCode ? departmentNames[step.departmentCode] : undefined;
            const recordType = step.key.startsWith("fetch:") ? step.key.slice("fetch:".length) : null;
            const record = recordType ? app.records.find((r) => r.recordType === recordType) : undefined;
            return (
              <li
                key={step.key}
                data-testid={`step-${step.key}`}
                data-status={step.status}
                className={`rounded-lg border p-4 ${STEP_STYLES[step.status]}`}
              >
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className="font-medium text-slate-900">{stepLabel(step.key, department)}</span>
                  <span className="font-semibold" data-testid={`step-${step.key}-status`}>
                    <span aria-hidden="true">{STEP_ICONS[step.status]} </span>
                    {stepStatusText(step.status)}
                  </span>
                </div>
                {step.status === "FAILED" && step.detail && <p className="mt-1">{step.detail}</p>}
                {record && (
                  <p className="mt-1 text-sm text-slate-800" data-testid={`record-${record.recordType}`}>
                    {recordLabel(record.recordType).replace(/^./, (c) => c.toUpperCase())} received from{" "}
                    <span data-testid="record-source">
                      {departmentNames[record.departmentCode] ?? record.departmentCode}
                    </span>{" "}
                    on <time dateTime={record.retrievedAt}>{formatTime(record.retrievedAt)}</time> (record{" "}
                    {record.sourceRecordId})
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
