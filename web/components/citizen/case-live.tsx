"use client";

import type { CaseActionOf, WorkingCalendar } from "@visit-once/workflows/contracts";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { type ApplicationStatus, type ApplicationView, isFinal, type StepKind, type StepView } from "@/lib/steps";
import { CancelApplication } from "./cancel-application";
import { CaseSummary } from "./case-summary";
import { CaseEvents } from "./case-events";
import { InformationRequests } from "./information-requests";
import { OutcomeDocuments } from "./outcome-documents";
import { PrefilledDetails } from "./prefilled-details";
import { RateService, type RateAction } from "./rate-service";
import { PreviewConfirm, PreviewIntro } from "./preview-confirm";
import { RecordsPreview } from "./records-preview";
import { StatusBanner } from "./status-banner";
import { StepTimeline } from "./step-timeline";

const POLL_MS = 1000;

export interface ExpectedStep {
  key: string;
  kind: StepKind;
  departmentCode: string | null;
}

/** Which statuses accept which of the citizen's actions (the case-action table's, read on the server). */
export type CitizenActionStatuses = Readonly<Record<CaseActionOf<"CITIZEN">, readonly ApplicationStatus[]>>;

/** Steps to show before the case has written its own: the service's, all waiting. */
function withPlaceholders(steps: StepView[], expected: ExpectedStep[]): StepView[] {
  const known = new Set(steps.map((s) => s.key));
  const missing = expected
    .filter((s) => !known.has(s.key))
    .map((s, i) => ({
      key: s.key,
      kind: s.kind,
      position: 1000 + i,
      departmentCode: s.departmentCode,
      status: "PENDING" as const,
      detail: null,
      startedAt: null,
      completedAt: null,
      dueAt: null,
    }));
  return [...steps, ...missing].sort((a, b) => a.position - b.position);
}

/** The case page's live part: polls the projection every second until the case is final (an unchanged case answers 304). */
export function CaseLive({
  initial,
  initialTag = null,
  expectedSteps,
  officeNames,
  stepTitles,
  fieldLabels,
  actionStatuses,
  optionalRecords,
  rate,
  calendar,
}: {
  initial: ApplicationView;
  /** The entity tag `initial` was read at (its version, taken before the read): the first poll of an unchanged case is a 304. */
  initialTag?: string | null;
  expectedSteps: ExpectedStep[];
  officeNames: Record<string, string>;
  stepTitles: Record<string, string>;
  fieldLabels: Record<string, string>;
  actionStatuses: CitizenActionStatuses;
  /** The records the service can do without (its definition's optional evidence). */
  optionalRecords: readonly string[];
  rate: RateAction;
  /** The holidays and working weekends, for the working days a deadline has left. */
  calendar?: WorkingCalendar;
}) {
  const t = useTranslations("citizen.case");
  const locale = useLocale();
  const [app, setApp] = useState(initial);
  const [now, setNow] = useState(() => new Date(initial.submittedAt));
  const [stale, setStale] = useState(false);
  const final = isFinal(app.status);
  const inFlight = useRef(false);
  /** The last answer's text: an unchanged answer re-renders nothing. */
  const lastBody = useRef<string | null>(null);
  /** The last answer's entity tag (the case's version): sent back, an unchanged case answers 304. */
  const lastTag = useRef<string | null>(initialTag);
  /** Set once the server says the case is gone or the session ended: polling stops. */
  const [gone, setGone] = useState(false);

  const refresh = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      const res = await fetch(`/api/applications/${encodeURIComponent(initial.id)}`, {
        cache: "no-store",
        headers: lastTag.current ? { "If-None-Match": lastTag.current } : {},
      });
      if (res.status === 401 || res.status === 404) setGone(true);
      if (res.status === 304) {
        setStale(false);
        return;
      }
      if (!res.ok) throw new Error(String(res.status));
      const text = await res.text();
      lastTag.current = res.headers.get("ETag");
      if (text !== lastBody.current) {
        const next = JSON.parse(text) as ApplicationView;
        lastBody.current = text;
        setApp(next);
        setNow(new Date());
      }
      setStale(false);
    } catch {
      setStale(true);
    } finally {
      inFlight.current = false;
    }
  }, [initial.id]);

  useEffect(() => {
    setNow(new Date());
    if (final || gone) return;
    const timer = setInterval(() => {
      // A background tab waits; the next tick after it is shown again catches up.
      if (document.visibilityState === "visible") void refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [final, gone, refresh]);

  const steps = withPlaceholders(app.steps, expectedSteps);
  const onChanged = () => void refresh();
  // At the preview the records come first: nothing goes on until she has looked at them.
  const previewing = actionStatuses.confirm.includes(app.status);
  const records = (
    <RecordsPreview
      applicationId={app.id}
      records={app.records}
      officeNames={officeNames}
      canDispute={actionStatuses.dispute.includes(app.status)}
      consent={{
        optional: optionalRecords,
        withdrawn: app.withdrawn,
        canWithdraw: actionStatuses.withdraw.includes(app.status),
      }}
      onChanged={onChanged}
    />
  );

  return (
    <div className="space-y-8">
      <StatusBanner
        status={app.status}
        reasons={locale === "zh-CN" && app.reasonsZh.length > 0 ? app.reasonsZh : app.reasons}
      />
      {stale && <p className="text-sm text-slate-700">{t("stale")}</p>}
      {previewing && (
        <section
          aria-labelledby="preview-title"
          data-testid="preview"
          className="space-y-4 rounded-lg border-2 border-amber-300 p-4"
        >
          <PreviewIntro dueDay={app.previewDueDay} />
          {records}
          <PreviewConfirm applicationId={app.id} onChanged={onChanged} />
        </section>
      )}
      <CaseSummary app={app} officeNames={officeNames} stepTitles={stepTitles} now={now} calendar={calendar} />
      <InformationRequests
        applicationId={app.id}
        requests={app.requests}
        onChanged={onChanged}
        now={now}
        calendar={calendar}
      />
      <OutcomeDocuments documents={app.documents} officeNames={officeNames} />
      {app.status === "COMPLETED" && (
        <RateService
          applicationId={app.id}
          ratings={app.ratings ?? []}
          canRate={app.canRate ?? !app.rated}
          offices={app.ratableOffices ?? []}
          officeNames={officeNames}
          rate={rate}
        />
      )}
      <StepTimeline steps={steps} officeNames={officeNames} stepTitles={stepTitles} now={now} calendar={calendar} />
      <CaseEvents events={app.events} />
      {/* The form as filled and the raw records come after what the citizen must know. */}
      <PrefilledDetails records={app.records} fields={app.fields} fieldLabels={fieldLabels} officeNames={officeNames} />
      {!previewing && records}
      {actionStatuses.cancel.includes(app.status) && <CancelApplication applicationId={app.id} onChanged={onChanged} />}
    </div>
  );
}
