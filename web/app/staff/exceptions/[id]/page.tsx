import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { exceptionSummary, source } from "@/server/staff/exception-summary";
import { conflictValueLabel } from "@/server/cases/case-words";
import { applicationWorkflowId, FINAL_STATUSES } from "@visit-once/workflows/contracts";
import { CaseEvents } from "@/components/staff/case-events";
import { DueDate } from "@/components/staff/due-date";
import { EvidenceList } from "@/components/staff/evidence-list";
import { InformationRequests } from "@/components/staff/information-requests";
import { LiveRefresh } from "@/components/staff/live-refresh";
import { TableRegion, td, th } from "@/components/staff/table-region";
import { env } from "@/env";
import { conflictChoices, readConflict } from "@/server/staff/conflict";
import { getExceptionCase } from "@/server/staff/get-exception-case";
import { officeLabel, recordLabel, serviceLabel } from "@/server/localised";
import { decide } from "@/server/access/policy";
import { claimHolder } from "@/server/staff/claim-holder";
import { FITTING_RESOLUTIONS } from "@/server/staff/resolutions";
import { requireException } from "@/server/staff/require-exception";
import { ClaimButton } from "../claim-button";
import { ResolveForms } from "./resolve-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.exception"))("title") };
}

const FIELDS = ["fullName", "birthDate", "address", "maritalStatus", "parent"] as const;

export default async function ExceptionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // The same check as the layout's: a page never relies on its layout alone.
  const user = await requireException(id);
  const found = await getExceptionCase(user, id);
  if (!found) notFound();
  const { exception: x, records, events, requests } = found;

  const [t, tk, ts, tc, tf, tsum, locale] = await Promise.all([
    getTranslations("staff.exception"),
    getTranslations("staff.kinds"),
    getTranslations("staff.exceptionStatus"),
    getTranslations("staff.caseStatus"),
    getTranslations("staff.fields"),
    getTranslations("staff.summaries"),
    getLocale(),
  ]);
  const now = new Date();
  const conflict = readConflict(x.conflict);
  const field = FIELDS.find((f) => f === conflict?.field);
  const fieldName = field ? tf(field) : (conflict?.field ?? "");
  const valueLabel = (v: { value: string; meaning?: string }) =>
    conflictValueLabel(locale === "en" ? "en" : "zh-CN", v);
  const choices = conflict
    ? conflictChoices(conflict, (v) => `${source(tsum, locale, v)} · ${recordLabel(locale, v.recordType)}`, valueLabel)
    : [];
  const caseClosed = (FINAL_STATUSES as readonly string[]).includes(x.application.status);
  // The same policy the resolution goes through: an exception another caseworker holds is theirs.
  const mayResolve = decide(user, "resolve", { kind: "exception", claimedById: x.claimedById }).allowed;
  const closedReason = x.status !== "OPEN" ? x.status : caseClosed ? "CASE_CLOSED" : mayResolve ? null : "CLAIMED";
  const { TEMPORAL_UI_URL, temporal } = env();
  const temporalUrl = `${TEMPORAL_UI_URL}/namespaces/${encodeURIComponent(temporal.namespace)}/workflows/${encodeURIComponent(applicationWorkflowId(x.applicationId))}`;

  return (
    <article aria-labelledby="exception-title" className="space-y-8">
      <LiveRefresh />
      <div className="space-y-2">
        <Link href="/staff/exceptions" className="text-sm text-blue-800 underline">
          {t("back")}
        </Link>
        <h1 id="exception-title" className="text-2xl font-semibold">
          {tk(x.kind)}: {serviceLabel(locale, x.application.serviceCode)}
        </h1>
        <p className="text-slate-800" data-testid="exception-summary">
          {exceptionSummary(tsum, locale, x)}
        </p>
      </div>

      <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium text-slate-700">{t("status")}</dt>
        <dd data-testid="exception-status" data-status={x.status}>
          {ts(x.status)}
        </dd>
        <dt className="font-medium text-slate-700">{t("caseStatus")}</dt>
        <dd data-testid="case-status" data-status={x.application.status}>
          {tc(x.application.status)}
        </dd>
        <dt className="font-medium text-slate-700">{t("due")}</dt>
        <dd>
          <DueDate dueAt={x.dueAt} now={now} done={x.status === "RESOLVED"} />
        </dd>
        <dt className="font-medium text-slate-700">{t("blocking")}</dt>
        <dd>{x.blocking ? t("blockingYes") : t("blockingNo")}</dd>
        {x.departmentCode && (
          <>
            <dt className="font-medium text-slate-700">{t("department")}</dt>
            <dd>{officeLabel(locale, x.departmentCode)}</dd>
          </>
        )}
        <dt className="font-medium text-slate-700">{t("application")}</dt>
        <dd className="break-all">
          {x.applicationId}{" "}
          <a href={temporalUrl} target="_blank" rel="noreferrer" className="whitespace-nowrap text-blue-800 underline">
            {t("temporalLink")}
          </a>
          <span className="mt-1 block text-sm text-slate-600">
            {t.rich("temporalHint", { en: (words) => <span lang="en">{words}</span> })}
          </span>
        </dd>
        <dt className="font-medium text-slate-700">{t("claim")}</dt>
        <dd>
          {x.status === "RESOLVED" ? (
            t("claimResolved")
          ) : (
            <ClaimButton exceptionId={x.id} holder={claimHolder(x.claimedById, user.id)} />
          )}
        </dd>
      </dl>

      {conflict && (
        <section aria-labelledby="conflict-title" className="space-y-3">
          <h2 id="conflict-title" className="text-xl font-semibold">
            {t("conflict.title", { field: fieldName })}
          </h2>
          <TableRegion captionId="conflict-caption">
            <table className="w-full text-sm">
              <caption id="conflict-caption" className="px-3 py-2 text-left text-slate-700">
                {t("conflict.caption", { field: fieldName })}
              </caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className={th}>
                    {t("conflict.value")}
                  </th>
                  <th scope="col" className={th}>
                    {t("conflict.department")}
                  </th>
                  <th scope="col" className={th}>
                    {t("conflict.record")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {conflict.values.map((v, i) => (
                  <tr key={`${v.value}-${i}`} className="border-t border-slate-200" data-testid="conflict-value">
                    <td className={`${td} text-base font-semibold`}>{valueLabel(v)}</td>
                    <td className={td}>{source(tsum, locale, v)}</td>
                    <td className={td}>{recordLabel(locale, v.recordType)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </section>
      )}

      {requests.length > 0 && (
        <section aria-labelledby="requests-title" className="space-y-3">
          <h2 id="requests-title" className="text-xl font-semibold">
            {t("requestsTitle")}
          </h2>
          <InformationRequests requests={requests} />
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
          revealVia={{ via: "exception", exceptionId: x.id }}
        />
      </section>

      {/* The resolution comes after the evidence it rests on. */}
      <section aria-labelledby="actions-title" className="space-y-3">
        <h2 id="actions-title" className="text-xl font-semibold">
          {t("actions.title")}
        </h2>
        <ResolveForms
          applicationId={x.applicationId}
          exceptionId={x.id}
          kinds={FITTING_RESOLUTIONS[x.kind]}
          choices={choices}
          requestId={randomUUID()}
          closedText={closedReason ? t(`actions.closed.${closedReason}`) : undefined}
        />
      </section>

      <section aria-labelledby="events-title" className="space-y-3">
        <h2 id="events-title" className="text-xl font-semibold">
          {t("eventsTitle")}
        </h2>
        <CaseEvents events={events} emptyText={t("eventsEmpty")} />
      </section>
    </article>
  );
}
