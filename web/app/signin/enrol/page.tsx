import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { SignOutButton } from "@/components/sign-out-button";
import { env } from "@/env";
import { safeCallbackPath } from "@/lib/safe-callback";
import { db } from "@/server/db";
import { enrolmentSecret } from "@/server/second-factor/enrolment";
import { otpauthUri } from "@/server/second-factor/totp";
import { currentSession } from "@/server/session";
import { EnrolForm } from "./enrol-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common.account.enrol"))("title") };
}

/** Staff without a second factor set it up here, right after their password, before anything else. */
export default async function EnrolPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  const session = await currentSession();
  if (!session) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (session.stage === "SECOND_FACTOR") redirect(`/signin/code?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  const [t, tHeader] = await Promise.all([getTranslations("common.account.enrol"), getTranslations("common.header")]);
  // Once enrolled (the confirming request re-renders this page without JavaScript), the form shows the recovery codes.
  const secret =
    session.stage === "ENROLMENT" ? await enrolmentSecret(db(), session.user.id, env().NEXTAUTH_SECRET) : null;
  const qrSvg = secret
    ? await QRCode.toString(otpauthUri(secret, session.user.email), {
        type: "svg",
        margin: 1,
        errorCorrectionLevel: "M",
      })
    : null;
  return (
    <section aria-labelledby="enrol-title" className="mx-auto max-w-lg space-y-6">
      <h1 id="enrol-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <EnrolForm
        callbackUrl={callbackUrl}
        setup={
          secret && qrSvg
            ? { secret, qrDataUri: `data:image/svg+xml;base64,${Buffer.from(qrSvg).toString("base64")}` }
            : null
        }
      />
      <SignOutButton label={tHeader("signOut")} />
    </section>
  );
}
