import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { SERVICES, type ServiceDefinition } from "@visit-once/workflows/contracts";
import { MandateForm } from "@/components/mandates/mandate-form";
import { MandateList } from "@/components/mandates/mandate-list";
import { listNotarisedMandates } from "@/server/mandates/list-mandates";
import { pick } from "@/server/localised";
import { requireUser } from "@/server/session";
import { STAFF_ROLES } from "@/server/staff/staff-home";
import { registerMandateAction, revokeNotarisedAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mandates.notarised"))("title") };
}

/** 公证委托登记: a caseworker registers a mandate from a notarised paper, and records its revocation. */
export default async function NotarisedMandatesPage({ searchParams }: { searchParams: Promise<{ result?: string }> }) {
  const user = await requireUser(STAFF_ROLES);
  const mandates = await listNotarisedMandates(user);
  if (!mandates) notFound();
  const [t, locale, { result }] = await Promise.all([getTranslations("mandates.notarised"), getLocale(), searchParams]);
  const services = (Object.values(SERVICES) as ServiceDefinition[])
    .filter((s) => !s.forMinors)
    .map((s) => ({ code: s.code, title: pick(locale, s.title) }));
  return (
    <section aria-labelledby="notarised-title" className="max-w-3xl space-y-8">
      <div className="space-y-2">
        <h1 id="notarised-title" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-slate-800">{t("intro")}</p>
      </div>
      {result === "revoked" && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          {t("revoked")}
        </p>
      )}
      <MandateForm mode="notarised" services={services} action={registerMandateAction} />
      <section aria-labelledby="registered-title" className="space-y-3">
        <h2 id="registered-title" className="text-xl font-semibold">
          {t("registered")}
        </h2>
        <MandateList mandates={mandates} empty={t("none")} revoke={revokeNotarisedAction} testId="mandates-notarised" />
      </section>
    </section>
  );
}
