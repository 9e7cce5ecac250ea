import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { FINAL_STATUSES } from "@visit-once/workflows/contracts";
import { DueDate } from "@/components/staff/due-date";
import { LiveRefresh } from "@/components/staff/live-refresh";
import { getCorrection } from "@/server/corrections/get-correction";
import { officeLabel, recordLabel, serviceLabel } from "@/server/localised";
import { requireUser } from "@/server/session";
import { STAFF_ROLES } from "@/server/staff/staff-home";
import { type CorrectableField, CorrectForm } from "./correct-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.correction"))("title") };
}

export default async function CorrectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Another department's correction, a guessed id and a missing one all look the same.
  const found = await getCorrection(await requireUser(STAFF_ROLES), id);
  if (!found) notFound();
  const { correction: c, fields, current } = found;
  const [t, tc, words, locale, format] = await Promise.all([
    getTranslations("staff.correction"),
    getTranslations("staff.caseStatus"),
    getTranslations("citizen"),
    getLocale(),
    getFormatter(),
  ]);
  const fieldLabel = (name: string) => (words.has(`recordFields.${name}`) ? words(`recordFields.${name}`) : name);
  const valueLabel = (name: string, value: string) =>
    words.has(`recordValues.${name}.${value}`) ? words(`recordValues.${name}.${value}`) : value;
  const form: CorrectableField[] = fields.map((f) => ({
    name: f.name,
    label: fieldLabel(f.name),
    current: current?.[f.name] ?? "",
    options: Array.isArray(f.kind)
      ? (f.kind as readonly string[]).map((v) => ({ value: v, label: valueLabel(f.name, v) }))
      : undefined,
  }));
  const open = c.status === "OPEN" && !FINAL_STATUSES.includes(c.caseStatus);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  return (
    <article aria-labelledby="correction-title" className="space-y-8">
      <LiveRefresh />
      <div className="space-y-2">
        <Link href="/staff/tasks" className="text-sm text-blue-800 underline">
          {t("back")}
        </Link>
        <h1 id="correction-title" className="text-2xl font-semibold">
          {t("title")}: {recordLabel(locale, c.recordType)}
        </h1>
        <p className="text-slate-700">{serviceLabel(locale, c.serviceCode)}</p>
      </div>

      <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium text-slate-700">{t("status")}</dt>
        <dd data-testid="correction-status" data-status={c.status}>
          {t(`statusWords.${c.status}`)} · {tc(c.caseStatus)}
        </dd>
        <dt className="font-medium text-slate-700">{t("department")}</dt>
        <dd>{officeLabel(locale, c.department)}</dd>
        <dt className="font-medium text-slate-700">{t("opened")}</dt>
        <dd>{when(c.openedAt)}</dd>
        <dt className="font-medium text-slate-700">{t("due")}</dt>
        <dd>
          <DueDate dueAt={c.dueAt} now={new Date()} done={c.status !== "OPEN"} />
        </dd>
        {c.closedAt && (
          <>
            <dt className="font-medium text-slate-700">{t("closed")}</dt>
            <dd>{when(c.closedAt)}</dd>
          </>
        )}
        <dt className="font-medium text-slate-700">{t("explanation")}</dt>
        <dd className="whitespace-pre-wrap break-words" data-testid="correction-explanation">
          {c.explanation}
        </dd>
        {c.disputedValue && (
          <>
            <dt className="font-medium text-slate-700">{t("disputedValue")}</dt>
            <dd>{c.disputedValue}</dd>
          </>
        )}
        {c.reason && (
          <>
            <dt className="font-medium text-slate-700">{t("reason")}</dt>
            <dd className="whitespace-pre-wrap break-words">{c.reason}</dd>
          </>
        )}
        <dt className="font-medium text-slate-700">{t("application")}</dt>
        <dd className="break-all">{c.applicationId}</dd>
      </dl>

      <section aria-labelledby="current-title" className="space-y-3">
        <h2 id="current-title" className="text-xl font-semibold">
          {t("currentTitle")}
        </h2>
        {current ? (
          <dl
            className="grid grid-cols-1 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[14rem_1fr]"
            data-testid="correction-record"
          >
            {form.map((f) => (
              <div key={f.name} className="contents">
                <dt className="font-medium text-slate-700">{f.label}</dt>
                <dd className="break-words" data-field={f.name}>
                  {f.options ? valueLabel(f.name, f.current) : f.current}
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-800">{t("currentEmpty")}</p>
        )}
      </section>

      <CorrectForm
        applicationId={c.applicationId}
        correctionId={c.id}
        fields={form}
        requestId={randomUUID()}
        closedText={open ? undefined : t("form.closed")}
      />
    </article>
  );
}
