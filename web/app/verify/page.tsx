import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { VerifyFileForm } from "@/components/citizen/verify-file-form";
import { VerifyForm } from "@/components/citizen/verify-form";
import { normaliseVerificationCode } from "@/lib/verification-code";
import { verifyMetadata } from "./metadata";
import { verifyFileAction } from "./verify-file-action";

export const generateMetadata = verifyMetadata;

/** Public: anyone holding a document can check its code, or upload its PDF, here without signing in. */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const { code } = await searchParams;
  // A code that cannot be one still goes to the result page, which says no document has it.
  if (typeof code === "string" && code.trim() !== "")
    redirect(`/verify/${encodeURIComponent(normaliseVerificationCode(code) ?? code.trim().slice(0, 40))}`);
  const t = await getTranslations("citizen.verify");
  return (
    <section aria-labelledby="verify-title" className="mx-auto max-w-xl space-y-6">
      <h1 id="verify-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <p className="text-slate-800">{t("intro")}</p>
      <VerifyForm />
      <section aria-labelledby="verify-file-title" className="space-y-3 border-t border-slate-200 pt-6">
        <h2 id="verify-file-title" className="text-lg font-semibold">
          {t("file.title")}
        </h2>
        <p className="text-slate-800">{t("file.intro")}</p>
        <VerifyFileForm action={verifyFileAction} />
      </section>
    </section>
  );
}
