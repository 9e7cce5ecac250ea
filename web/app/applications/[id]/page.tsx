import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { displayCalendar } from "@/server/calendar/display-calendar";
import { CASE_ACTIONS, caseActionsOf, caseSteps, findService, STEP_OFFICES } from "@visit-once/workflows/contracts";
import { type CitizenActionStatuses, CaseLive, type ExpectedStep } from "@/components/citizen/case-live";
import { stepTitlesFor } from "@/server/applications/step-titles";
import { officeLabel, pick, serviceLabel } from "@/server/localised";
import { CaseCorrections } from "@/components/citizen/case-corrections";
import { loadOwnApplication } from "./load-application";
import { rateServiceAction } from "./rate-action";
import { RefusalReviews } from "@/components/citizen/refusal-reviews";
import { listCaseReviews } from "@/server/reviews/list-case-reviews";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("citizen.case");
  return { title: t("title") };
}

/** The statuses in which the workflow takes each of the citizen's actions (the case-action table's). */
const ACTION_STATUSES = Object.fromEntries(
  caseActionsOf("CITIZEN").map((n) => [n, CASE_ACTIONS[n].statuses]),
) as CitizenActionStatuses;

export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const loaded = await loadOwnApplication(id);
  if (!loaded) notFound();
  const { app, etag } = loaded;
  const [t, words, format, locale] = await Promise.all([
    getTranslations("citizen.case"),
    getTranslations("citizen"),
    getFormatter(),
    getLocale(),
  ]);
  const service = findService(app.serviceCode);

  // The case consents to every record its service needs (the submit refuses anything less), so its steps are the service's.
  const expectedSteps: ExpectedStep[] = service
    ? caseSteps(
        service,
        service.evidence.map((e) => e.recordType),
      )
    : [];
  const officeNames = Object.fromEntries(STEP_OFFICES.map((o) => [o, officeLabel(locale, o)]));
  const stepTitles = stepTitlesFor(app.serviceCode, locale, t, words);
  const fieldLabels = Object.fromEntries(service?.citizenFields.map((f) => [f.name, pick(locale, f.label)]) ?? []);

  return (
    <section aria-labelledby="app-title" className="space-y-6">
      <div>
        <h1 id="app-title" className="text-2xl font-semibold">
          {serviceLabel(locale, app.serviceCode)}
        </h1>
        <p className="mt-2 break-all text-sm text-slate-700">
          {t("reference", {
            id: app.id,
            date: format.dateTime(new Date(app.submittedAt), { dateStyle: "medium", timeStyle: "short" }),
          })}
        </p>
        {app.acting && (
          <p
            data-testid="acting-for"
            className="mt-3 rounded-md border border-blue-300 bg-blue-50 px-3 py-2 text-blue-950"
          >
            {t(`actingFor.${app.acting.viewer}.${app.acting.basis}`, {
              representative: app.acting.representativeName,
              subject: app.acting.subjectName,
            })}
          </p>
        )}
        <Link
          href={`/my-data?case=${app.id}`}
          className="mt-2 inline-block text-sm text-blue-800 underline underline-offset-4"
        >
          {t("dataUse")}
        </Link>
      </div>
      <RefusalReviews applicationId={app.id} serviceCode={app.serviceCode} reviews={await listCaseReviews(app.id)} />
      <CaseLive
        initial={app}
        initialTag={etag}
        expectedSteps={expectedSteps}
        officeNames={officeNames}
        stepTitles={stepTitles}
        fieldLabels={fieldLabels}
        actionStatuses={ACTION_STATUSES}
        optionalRecords={service?.evidence.filter((e) => e.optional).map((e) => e.recordType) ?? []}
        rate={rateServiceAction}
        calendar={await displayCalendar()}
      />
      <CaseCorrections applicationId={app.id} />
    </section>
  );
}
