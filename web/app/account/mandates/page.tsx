import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { SERVICES, type ServiceDefinition } from "@visit-once/workflows/contracts";
import { MandateForm } from "@/components/mandates/mandate-form";
import { MandateList } from "@/components/mandates/mandate-list";
import { listMyMandates } from "@/server/mandates/list-mandates";
import { pick } from "@/server/localised";
import { requireUser } from "@/server/session";
import { grantMandateAction, revokeMandateAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mandates.mine"))("title") };
}

/** 我的委托: the mandates she granted (grant, list, revoke) and those granted to her. */
export default async function MyMandatesPage({ searchParams }: { searchParams: Promise<{ result?: string }> }) {
  const user = await requireUser(["CITIZEN"]);
  const [t, locale, { result }, mandates] = await Promise.all([
    getTranslations("mandates.mine"),
    getLocale(),
    searchParams,
    listMyMandates(user.id),
  ]);
  // A service about a child is a parent's by the records, not by a mandate.
  const services = (Object.values(SERVICES) as ServiceDefinition[])
    .filter((s) => !s.forMinors)
    .map((s) => ({ code: s.code, title: pick(locale, s.title) }));
  return (
    <section aria-labelledby="mandates-title" className="max-w-3xl space-y-8">
      <div className="space-y-2">
        <h1 id="mandates-title" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-slate-800">{t("intro")}</p>
      </div>
      {result === "revoked" && (
        <p
          role="status"
          data-testid="mandate-revoked"
          className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900"
        >
          {t("revoked")}
        </p>
      )}
      {(result === "unchanged" || result === "not-found") && (
        <p role="alert" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-950">
          {t(result === "unchanged" ? "alreadyRevoked" : "notFound")}
        </p>
      )}
      <MandateForm mode="portal" services={services} action={grantMandateAction} />
      <section aria-labelledby="granted-title" className="space-y-3">
        <h2 id="granted-title" className="text-xl font-semibold">
          {t("granted")}
        </h2>
        <p className="text-sm text-slate-700">{t("revokeHint")}</p>
        <MandateList
          mandates={mandates.granted}
          empty={t("noneGranted")}
          revoke={revokeMandateAction}
          testId="mandates-granted"
        />
      </section>
      <section aria-labelledby="received-title" className="space-y-3">
        <h2 id="received-title" className="text-xl font-semibold">
          {t("received")}
        </h2>
        <MandateList mandates={mandates.received} empty={t("noneReceived")} testId="mandates-received" />
      </section>
    </section>
  );
}
