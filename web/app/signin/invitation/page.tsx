import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AcceptForm } from "./accept-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common.invitation"))("title") };
}

/** Where an administrator's invitation link leads: the new member of staff chooses their password. */
export default async function InvitationPage() {
  const t = await getTranslations("common.invitation");
  return (
    <section aria-labelledby="invitation-title" className="mx-auto max-w-lg space-y-6">
      <h1 id="invitation-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <p className="text-slate-700">{t("intro")}</p>
      <AcceptForm />
    </section>
  );
}
