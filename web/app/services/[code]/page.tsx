import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { findService } from "@visit-once/workflows/contracts";
import { ApplyWizard, type ConsentItem, type FieldItem, type LockedItem } from "@/components/citizen/apply-wizard";
import { WhoSeesWhat } from "@/components/citizen/who-sees-what";
import { planPrefill } from "@/lib/prefill";
import { listOpenApplications } from "@/server/applications/open-application";
import { db } from "@/server/db";
import { officeLabel, pick } from "@/server/localised";
import { requireUser } from "@/server/session";
import { fieldCipher } from "@/env";
import { newRequestId } from "@/lib/request-id";
import { ActingForChooser, actingParam } from "@/components/citizen/acting-for-chooser";
import { findActingOptions } from "@/server/representation/acting-for";
import { findMinorChildren } from "@/server/representation/find-minor-children";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const [t, locale, { code }] = await Promise.all([getTranslations("citizen.apply"), getLocale(), params]);
  const service = findService(code);
  return { title: service ? pick(locale, service.title) : t("title") };
}

export default async function ServicePage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ for?: string }>;
}) {
  const user = await requireUser(["CITIZEN"]);
  const [{ code }, { for: forParam }, locale, t, tr, to] = await Promise.all([
    params,
    searchParams,
    getLocale(),
    getTranslations("citizen.apply"),
    getTranslations("citizen.records"),
    getTranslations("citizen.openApplication"),
  ]);
  const service = findService(code);
  if (!service) notFound();
  // Whom she may apply for (代办): her minor children from the records (a service about a child), those who granted her a mandate.
  const requestId = newRequestId();
  const acting = await findActingOptions(user.id, service, {
    db: db(),
    cipher: fieldCipher(),
    minorChildren: (nationalId) => findMinorChildren({ id: user.id, nationalId }, requestId),
  });
  const offerSelf = !service.forMinors;
  const chosenOption = acting.options.find((o) => actingParam(o) === forParam) ?? null;
  const chosen = chosenOption
    ? actingParam(chosenOption)
    : offerSelf && (forParam === "self" || acting.options.length === 0)
      ? "self"
      : null;
  // One open application per service and subject: about the applicant, no second is offered;
  // about someone else (a baby, a represented person), another subject may still be applied for.
  const open = await listOpenApplications(db(), user.id, service.code);
  const offered = chosen !== null && (open.length === 0 || service.subjectField !== undefined || chosenOption !== null);

  const items: ConsentItem[] = service.evidence.map((e) => ({
    recordType: e.recordType,
    recordLabel: tr(e.recordType),
    departmentName: officeLabel(locale, e.department),
    purpose: pick(locale, e.purpose),
  }));
  const fields: FieldItem[] = service.citizenFields.map((f) => ({
    name: f.name,
    label: pick(locale, f.label),
    kind: f.kind,
    required: f.required,
  }));
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
      {(acting.options.length > 0 || service.forMinors) && (
        <ActingForChooser
          options={acting.options}
          chosen={chosen}
          offerSelf={offerSelf}
          childrenUnavailable={acting.childrenUnavailable}
          forMinors={service.forMinors === true}
        />
      )}
      {chosenOption && (
        <p
          role="status"
          data-testid="applying-for"
          className="rounded-md border border-blue-300 bg-blue-50 px-3 py-2 text-blue-950"
        >
          {t(`applyingFor.${chosenOption.kind}`, { name: chosenOption.name })}
        </p>
      )}
      {open.length > 0 && (
        <div
          role="status"
          data-testid="open-application-notice"
          className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-amber-950"
        >
          <p>{offered ? to("noticeSubject", { count: open.length }) : to("notice")}</p>
          <ul className="mt-1">
            {open.map((a) => (
              <li key={a.id}>
                <a href={`/applications/${a.id}`} className="font-semibold underline">
                  {to("follow")}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {offered && (
        <>
          <p className="text-slate-800">{t("intro")}</p>
          <ApplyWizard
            applicationId={applicationId}
            serviceCode={service.code}
            items={items}
            fields={fields}
            locked={locked}
            actingFor={chosenOption ? { kind: chosenOption.kind, ref: chosenOption.ref } : null}
          />
        </>
      )}
      <WhoSeesWhat service={service} />
    </section>
  );
}
