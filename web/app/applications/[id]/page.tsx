import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import {
  ALLOWED_ACTIONS,
  type CaseAction,
  type CaseStatus,
  caseSteps,
  fetchStepKey,
  findService,
  RECORD_TYPE_CODES,
  REVIEW_STEP_KEY,
  STEP_OFFICES,
} from "@visit-once/workflows/contracts";
import { type CitizenActionStatuses, CaseLive, type ExpectedStep } from "@/components/citizen/case-live";
import { recordName } from "@/lib/record-entries";
import { officeLabel, pick, serviceLabel } from "@/server/localised";
import { loadOwnApplication } from "./load-application";
import { rateServiceAction } from "./rate-action";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("citizen.case");
  return { title: t("title") };
}

/** The statuses in which the workflow accepts `action` (its own table: ALLOWED_ACTIONS). */
const statusesAllowing = (action: CaseAction) => (Object.keys(ALLOWED_ACTIONS) as CaseStatus[]).filter((s) => ALLOWED_ACTIONS[s].includes(action));

const ACTION_STATUSES: CitizenActionStatuses = { dispute: statusesAllowing("disputeRecord"), cancel: statusesAllowing("cancel") };

export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const app = await loadOwnApplication(id);
  if (!app) notFound();
  const [t, words, format, locale] = await Promise.all([getTranslations("citizen.case"), getTranslations("citizen"), getFormatter(), getLocale()]);
  const service = findService(app.serviceCode);

  // The case consents to every record its service needs (the submit refuses anything less), so its steps are the service's.
  const expectedSteps: ExpectedStep[] = service ? caseSteps(service, service.evidence.map((e) => e.recordType)) : [];
  const officeNames = Object.fromEntries(STEP_OFFICES.map((o) => [o, officeLabel(locale, o)]));
  const stepTitles: Record<string, string> = {
    ...Object.fromEntries(RECORD_TYPE_CODES.map((r) => [fetchStepKey(r), t("steps.fetch", { record: recordName(words, r) })])),
    [REVIEW_STEP_KEY]: t("steps.review"),
    ...Object.fromEntries(service?.steps.map((s) => [s.key, pick(locale, s.title)]) ?? []),
  };
  const fieldLabels = Object.fromEntries(service?.citizenFields.map((f) => [f.name, pick(locale, f.label)]) ?? []);

  return (
    <section aria-labelledby="app-title" className="space-y-6">
      <div>
        <h1 id="app-title" className="text-2xl font-semibold">
          {serviceLabel(locale, app.serviceCode)}
        </h1>
        <p className="mt-2 break-all text-sm text-slate-700">
          {t("reference", { id: app.id, date: format.dateTime(new Date(app.submittedAt), { dateStyle: "medium", timeStyle: "short" }) })}
        </p>
        <Link href={`/my-data?case=${app.id}`} className="mt-2 inline-block text-sm text-blue-800 underline underline-offset-4">
          {t("dataUse")}
        </Link>
      </div>
      <CaseLive
        initial={app}
        expectedSteps={expectedSteps}
        officeNames={officeNames}
        stepTitles={stepTitles}
        fieldLabels={fieldLabels}
        actionStatuses={ACTION_STATUSES}
        rate={rateServiceAction}
      />
    </section>
  );
}
