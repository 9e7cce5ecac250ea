import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/server/session";

/** Signed in: straight to the right workspace. Signed out: what the site is, and the ways in. */
export default async function Home() {
  const user = await currentUser();
  if (user) redirect(user.role === "CITIZEN" ? "/services" : "/staff");
  const t = await getTranslations("citizen.home");
  return (
    <section aria-labelledby="home-title" className="space-y-6">
      <h1 id="home-title" className="text-3xl font-semibold">
        {t("title")}
      </h1>
      <p className="max-w-2xl text-lg text-slate-800">{t("intro")}</p>
      <div className="flex flex-wrap gap-4">
        <Link href="/signin" className="rounded-md bg-blue-700 px-5 py-2.5 font-semibold text-white hover:bg-blue-800">
          {t("signIn")}
        </Link>
        <Link
          href="/verify"
          className="rounded-md border border-blue-700 bg-white px-5 py-2.5 font-semibold text-blue-800 hover:bg-blue-50"
        >
          {t("verify")}
        </Link>
        <Link
          href="/guides"
          className="rounded-md border border-blue-700 bg-white px-5 py-2.5 font-semibold text-blue-800 hover:bg-blue-50"
        >
          {t("guides")}
        </Link>
        <Link
          href="/statistics"
          className="rounded-md border border-blue-700 bg-white px-5 py-2.5 font-semibold text-blue-800 hover:bg-blue-50"
        >
          {t("statistics")}
        </Link>
      </div>
    </section>
  );
}
