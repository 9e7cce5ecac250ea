import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("citizen.notFound"))("title") };
}

export default async function NotFound() {
  const t = await getTranslations("citizen.notFound");
  return (
    <section aria-labelledby="nf-title" className="space-y-4">
      <h1 id="nf-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <p className="text-slate-700">{t("text")}</p>
      <Link href="/" className="text-blue-800 underline">
        {t("home")}
      </Link>
    </section>
  );
}
