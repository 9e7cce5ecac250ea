import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { safeCallbackPath } from "@/lib/safe-callback";
import { env } from "@/env";
import { currentSession } from "@/server/session";
import { nextStepPath } from "@/server/sessions/next-step";
import { SignInForm } from "./sign-in-form";
import { SingleSignOnButton } from "./single-sign-on-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("citizen.signIn");
  return { title: t("title") };
}

const NOTICES = { idle: "idle", everywhere: "everywhere", ended: "ended" } as const;

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[]; reason?: string | string[] }>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  // Signed in, or half-way (a second factor still owed): go on to the next step.
  const session = await currentSession();
  if (session) redirect(nextStepPath(session.stage, callbackUrl));
  const t = await getTranslations("citizen.signIn");
  const notice = typeof params.reason === "string" ? NOTICES[params.reason as keyof typeof NOTICES] : undefined;
  return (
    <section aria-labelledby="signin-title" className="mx-auto max-w-md space-y-6">
      <h1 id="signin-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      {notice && (
        <p
          role="status"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900"
          data-testid={`signed-out-${notice}`}
        >
          {t(notice)}
        </p>
      )}
      <SignInForm
        callbackUrl={callbackUrl}
        initialError={params.error === "Throttled" ? "throttled" : params.error ? "wrong" : null}
      />
      {env().OIDC_ISSUER && (
        <SingleSignOnButton
          label={t("singleSignOn", { provider: env().OIDC_NAME ?? "OIDC" })}
          callbackUrl={callbackUrl}
        />
      )}
    </section>
  );
}
