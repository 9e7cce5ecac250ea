import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/sign-out-button";
import { safeCallbackPath } from "@/lib/safe-callback";
import { currentSession } from "@/server/session";
import { nextStepPath } from "@/server/sessions/next-step";
import { CodeForm } from "./code-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common.account.code"))("title") };
}

/** The second step for enrolled staff, after their password. */
export default async function SecondFactorPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  const session = await currentSession();
  if (!session) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (session.stage !== "SECOND_FACTOR") redirect(nextStepPath(session.stage, callbackUrl));
  const [t, tHeader] = await Promise.all([getTranslations("common.account.code"), getTranslations("common.header")]);
  return (
    <section aria-labelledby="code-title" className="mx-auto max-w-md space-y-6">
      <h1 id="code-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <p>{t("intro")}</p>
      <CodeForm callbackUrl={callbackUrl} />
      <SignOutButton label={tHeader("signOut")} />
    </section>
  );
}
