import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { findService } from "@visit-once/workflows/contracts";
import { type GuideCondition, serviceGuide } from "@/lib/service-guide";
import { recordName, recordValueLabel } from "@/lib/record-entries";
import { officeLabel, pick } from "@/server/localised";
import { currentUser } from "@/server/session";
import { GuideSection } from "./guide-section";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const [{ code }, locale, t] = await Promise.all([params, getLocale(), getTranslations("citizen.guides")]);
  const service = findService(code);
  return { title: service ? t("pageTitle", { service: pick(locale, service.title) }) : t("title") };
}

/** Public, before sign-in: one service's guide (办事指南), from its definition. */
export default async function GuidePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const service = findService(code);
  if (!service) notFound();
  const [t, words, locale, user] = await Promise.all([
    getTranslations("citizen.guides"),
    getTranslations("citizen"),
    getLocale(),
    currentUser(),
  ]);
  const guide = serviceGuide(service);
  const valueLabel = recordValueLabel(words);
  const field = (name: string) => (words.has(`recordFields.${name}`) ? words(`recordFields.${name}`) : name);
  const condition = (c: GuideCondition) => {
    switch (c.kind) {
      case "min-age":
        return c.women === c.men
          ? t("conditions.minAge", { years: c.women })
          : t("conditions.minAgeBySex", { women: c.women, men: c.men });
      case "min-number":
        return t("conditions.minNumber", {
          record: recordName(words, c.recordType),
          field: field(c.field),
          min: c.min,
        });
      case "equals":
        return t("conditions.equals", {
          record: recordName(words, c.recordType),
          field: field(c.field),
          value:
            typeof c.value === "boolean"
              ? t(c.value ? "conditions.yes" : "conditions.no")
              : valueLabel(c.field, c.value),
        });
    }
  };
  const applyHref = `/services/${service.code}`;

  return (
    <article aria-labelledby="guide-title" className="space-y-8">
      <div className="space-y-2">
        <Link href="/guides" className="text-sm text-blue-800 underline">
          {t("back")}
        </Link>
        <p className="text-slate-700">{t("caption")}</p>
        <h1 id="guide-title" className="text-2xl font-semibold">
          {pick(locale, service.title)}
        </h1>
        <p className="text-lg text-slate-800">{pick(locale, service.summary)}</p>
      </div>

      <dl
        className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[12rem_1fr]"
        data-testid="guide-facts"
      >
        <dt className="font-medium">{t("timeLimit")}</dt>
        <dd data-testid="guide-time-limit">{t("timeLimitValue", { days: guide.timeLimitWorkingDays })}</dd>
        <dt className="font-medium">{t("cost")}</dt>
        <dd data-testid="guide-cost">{t("costValue")}</dd>
        <dt className="font-medium">{t("visits")}</dt>
        <dd>{t("visitsValue")}</dd>
      </dl>

      <GuideSection id="guide-who" title={t("who")}>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t("whoEveryone")}</li>
          {guide.conditions.map((c, i) => (
            <li key={i}>{condition(c)}</li>
          ))}
        </ul>
      </GuideSection>

      <GuideSection id="guide-records" title={t("records")}>
        <p className="text-slate-800">{t("recordsIntro")}</p>
        <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {guide.records.map((r) => (
            <div
              key={r.recordType}
              className="grid gap-1 p-3 sm:grid-cols-3"
              data-testid={`guide-record-${r.recordType}`}
            >
              <dt className="font-medium">
                {recordName(words, r.recordType)}
                <span className="block text-sm font-normal text-slate-700">{officeLabel(locale, r.department)}</span>
              </dt>
              <dd className="sm:col-span-2">
                {pick(locale, r.purpose)}
                {r.optional && <span className="block text-sm text-slate-700">{t("optional")}</span>}
              </dd>
            </div>
          ))}
        </dl>
      </GuideSection>

      <GuideSection id="guide-steps" title={t("steps")}>
        <ol className="list-decimal space-y-1 pl-5">
          {guide.steps.map((s) => (
            <li key={s.key}>
              {t("step", {
                step: pick(locale, s.title),
                office: officeLabel(locale, s.office),
                days: s.deadlineWorkingDays,
              })}
            </li>
          ))}
        </ol>
      </GuideSection>

      <GuideSection id="guide-outcomes" title={t("outcomes")}>
        <ul className="list-disc space-y-1 pl-5">
          {guide.outcomes.map((o) => (
            <li key={o.key}>
              {t("outcome", { title: pick(locale, o.title), office: officeLabel(locale, o.issuedBy) })}
            </li>
          ))}
        </ul>
      </GuideSection>

      <Link
        href={user ? applyHref : `/signin?callbackUrl=${encodeURIComponent(applyHref)}`}
        className="inline-block rounded-md bg-blue-700 px-5 py-2.5 font-semibold text-white hover:bg-blue-800"
        data-testid="guide-start"
      >
        {user ? t("start") : t("signInToStart")}
      </Link>
    </article>
  );
}
