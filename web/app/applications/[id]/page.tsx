import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { findService, officeName, STEP_OFFICES } from "@visit-once/workflows/contracts";
import { CaseLive, type ExpectedStep } from "@/components/citizen/case-live";
import { loadOwnApplication } from "./load-application";
import { rateServiceAction } from "./rate-action";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("citizen.case");
  return { title: t("title") };
}

export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const app = await loadOwnApplication(id);
  if (!app) notFound();
  const [t, format, locale] = await Promise.all([getTranslations("citizen.case"), getFormatter(), getLocale()]);
  const lang = locale === "en" ? "en" : "zh";
  const service = findService(app.serviceCode);

  const expectedSteps: ExpectedStep[] = [
    ...(service?.evidence.map((e) => ({ key: `fetch:${e.recordType}`, kind: "FETCH" as const, departmentCode: e.department as string })) ?? []),
    { key: "review", kind: "CHECK", departmentCode: null },
    ...(service?.steps.map((s) => ({ key: s.key, kind: "DEPARTMENT" as const, departmentCode: s.office as string })) ?? []),
  ];
  const officeNames = Object.fromEntries(STEP_OFFICES.map((o) => [o, officeName(o)[lang]]));
  const stepTitles = Object.fromEntries(service?.steps.map((s) => [s.key, s.title[lang]]) ?? []);
  const fieldLabels = Object.fromEntries(service?.citizenFields.map((f) => [f.name, f.label[lang]]) ?? []);

  return (
    <section aria-labelledby="app-title" className="space-y-6">
      <div>
        <h1 id="app-title" className="text-2xl font-semibold">
          {service?.title[lang] ?? app.serviceCode}
        </h1>
        <p className="mt-2 break-all text-sm text-slate-700">
          {t("reference", { id: app.id, date: format.dateTime(new Date(app.submittedAt), { dateStyle: "medium", timeStyle: "short" }) })}
        </p>
      </div>
      <CaseLive
        initial={app}
        expectedSteps={expectedSteps}
        officeNames={officeNames}
        stepTitles={stepTitles}
        fieldLabels={fieldLabels}
        rate={rateServiceAction}
      />
    </section>
  );
}
