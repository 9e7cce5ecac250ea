import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DueDate } from "@/components/staff/due-date";
import { EvidenceList } from "@/components/staff/evidence-list";
import { InformationRequests } from "@/components/staff/information-requests";
import { LiveRefresh } from "@/components/staff/live-refresh";
import { RevealableValue } from "@/components/staff/revealable-value";
import { decodeSegment } from "@/server/staff/path-segment";
import { getTask } from "@/server/staff/get-task";
import { officeLabel, pick, recordLabel, serviceLabel, stepLabel } from "@/server/localised";
import { ACTING_BASES, type ActingBasis, findService } from "@visit-once/workflows/contracts";
import { requireTask } from "@/server/staff/require-task";
import { FINISHED_STEP_STATUSES } from "@/server/staff/task-tabs";
import { DecideForm } from "./decide-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.task"))("title") };
}

export default async function TaskPage({ params }: { params: Promise<{ applicationId: string; stepKey: string }> }) {
  const { applicationId, stepKey: rawKey } = await params;
  const stepKey = decodeSegment(rawKey);
  // The layout's check, shared (once per request): a page never relies on its layout alone.
  const user = await requireTask(applicationId, stepKey);
  // Another office's step, a guessed URL and a missing step all look the same.
  const task = await getTask(user, applicationId, stepKey);
  if (!task) notFound();
  const { step, records, requests, citizenFields } = task;
  const [t, tst, tc, locale, format] = await Promise.all([
    getTranslations("staff.task"),
    getTranslations("staff.stepStatus"),
    getTranslations("staff.caseStatus"),
    getLocale(),
    getFormatter(),
  ]);
  const now = new Date();
  const awaiting = step.status === "AWAITING_DECISION";
  const finished = (FINISHED_STEP_STATUSES as readonly string[]).includes(step.status);

  return (
    <article aria-labelledby="task-title" className="space-y-8">
      <LiveRefresh />
      <div className="space-y-2">
        <Link href="/staff/tasks" className="text-sm text-blue-800 underline">
          {t("back")}
        </Link>
        <h1 id="task-title" className="text-2xl font-semibold">
          {stepLabel(locale, step.application.serviceCode, step.key)}
        </h1>
        <p className="text-slate-700">{serviceLabel(locale, step.application.serviceCode)}</p>
      </div>

      <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium text-slate-700">{t("status")}</dt>
        <dd data-testid="step-status" data-status={step.status}>
          {tst(step.status)}
        </dd>
        <dt className="font-medium text-slate-700">{t("caseStatus")}</dt>
        <dd data-testid="case-status" data-status={step.application.status}>
          {tc(step.application.status)}
        </dd>
        <dt className="font-medium text-slate-700">{t("office")}</dt>
        <dd>{officeLabel(locale, step.departmentCode)}</dd>
        <dt className="font-medium text-slate-700">{t("due")}</dt>
        <dd>
          <DueDate dueAt={step.dueAt} now={now} done={!awaiting} />
        </dd>
        <dt className="font-medium text-slate-700">{t("submitted")}</dt>
        <dd>{format.dateTime(step.application.submittedAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
        {isActingBasis(step.application.actingBasis) && (
          <>
            <dt className="font-medium text-slate-700">{t("actingBasis")}</dt>
            <dd data-testid="acting-basis">{t(`actingBasisValue.${step.application.actingBasis}`)}</dd>
          </>
        )}
        {step.completedAt && (
          <>
            <dt className="font-medium text-slate-700">{t("completed")}</dt>
            <dd>{format.dateTime(step.completedAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
          </>
        )}
        {step.detail && finished && (
          <>
            <dt className="font-medium text-slate-700">{t("reason")}</dt>
            <dd>{step.detail}</dd>
          </>
        )}
        <dt className="font-medium text-slate-700">{t("application")}</dt>
        <dd className="break-all">{step.applicationId}</dd>
      </dl>

      {citizenFields.length > 0 && (
        <section aria-labelledby="citizen-fields-title" className="space-y-3">
          <h2 id="citizen-fields-title" className="text-xl font-semibold">
            {t("citizenFieldsTitle")}
          </h2>
          <dl
            className="grid grid-cols-1 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[14rem_1fr]"
            data-testid="citizen-fields"
          >
            {citizenFields.map((f) => (
              <div key={f.name} className="contents">
                <dt className="font-medium text-slate-700">{pick(locale, f.label)}</dt>
                <dd className="break-words">
                  {f.revealable ? (
                    <RevealableValue
                      masked={f.value}
                      label={pick(locale, f.label)}
                      target={{ via: "task", applicationId, stepKey, recordType: null, field: f.name }}
                    />
                  ) : (
                    f.value
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      <section aria-labelledby="evidence-title" className="space-y-3">
        <h2 id="evidence-title" className="text-xl font-semibold">
          {t("evidenceTitle")}
        </h2>
        <p className="text-sm text-slate-700">{t("evidenceIntro")}</p>
        <EvidenceList
          records={records}
          emptyText={t("evidenceEmpty")}
          revealVia={{ via: "task", applicationId, stepKey }}
        />
      </section>

      {requests.length > 0 && (
        <section aria-labelledby="requests-title" className="space-y-3">
          <h2 id="requests-title" className="text-xl font-semibold">
            {t("requestsTitle")}
          </h2>
          <InformationRequests requests={requests} />
        </section>
      )}

      {/* The decision comes after the evidence it rests on. */}
      <DecideForm
        applicationId={step.applicationId}
        stepKey={step.key}
        requestId={randomUUID()}
        ruleOptions={[
          { value: "step", label: t("decide.ruleStep") },
          ...(findService(step.application.serviceCode)?.eligibility.map((r, i) => ({
            value: String(i),
            label: pick(locale, r.message),
          })) ?? []),
        ]}
        recordOptions={Object.keys(
          findService(step.application.serviceCode)?.steps.find((s) => s.key === step.key)?.sees.records ?? {},
        ).map((r) => ({ value: r, label: recordLabel(locale, r) }))}
        closedText={
          awaiting
            ? undefined
            : t(step.status === "AWAITING_CITIZEN" ? "closed.citizen" : finished ? "closed.finished" : "closed.notYet")
        }
      />
    </article>
  );
}

const isActingBasis = (basis: string | null): basis is ActingBasis =>
  (ACTING_BASES as readonly string[]).includes(basis ?? "");
