import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { findService } from "@visit-once/workflows/contracts";
import { ApplyWizard, type ConsentItem, type FieldItem, type LockedItem } from "@/components/citizen/apply-wizard";
import { WhoSeesWhat } from "@/components/citizen/who-sees-what";
import { planPrefill } from "@/lib/prefill";
import { officeLabel, pick } from "@/server/localised";
import { requireUser } from "@/server/session";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const [t, locale, { code }] = await Promise.all([getTranslations("citizen.apply"), getLocale(), params]);
  const service = findService(code);
  return { title: service ? pick(locale, service.title) : t("title") };
}

export default async function ServicePage({ params }: { params: Promise<{ code: string }> }) {
  await requireUser(["CITIZEN"]);
  const [{ code }, locale, t, tr] = await Promise.all([params, getLocale(), getTranslations("citizen.apply"), getTranslations("citizen.records")]);
  const service = findService(code);
  if (!service) notFound();

  const items: ConsentItem[] = service.evidence.map((e) => ({
    recordType: e.recordType,
    recordLabel: tr(e.recordType),
    departmentName: officeLabel(locale, e.department),
    purpose: pick(locale, e.purpose),
  }));
  const fields: FieldItem[] = service.citizenFields.map((f) => ({ name: f.name, label: pick(locale, f.label), kind: f.kind, required: f.required }));
  const locked: LockedItem[] = planPrefill(service.evidence.map((e) => e.recordType)).map((p) => {
    const department = service.evidence.find((e) => e.recordType === p.recordType)!.department;
    return { field: p.field, recordLabel: tr(p.recordType), departmentName: officeLabel(locale, department) };
  });

  // Minted per page view: resubmitting this form sends the same id, so it makes one application.
  const applicationId = randomUUID();

  return (
    <section aria-labelledby="service-title" className="space-y-6">
      <div>
        <h1 id="service-title" className="text-2xl font-semibold">
          {pick(locale, service.title)}
        </h1>
        <p className="mt-3 text-slate-800">{pick(locale, service.summary)}</p>
      </div>
      <p className="text-slate-800">{t("intro")}</p>
      <ApplyWizard applicationId={applicationId} serviceCode={service.code} items={items} fields={fields} locked={locked} />
      <WhoSeesWhat service={service} />
    </section>
  );
}
