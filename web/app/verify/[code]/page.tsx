import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { VerifyForm } from "@/components/citizen/verify-form";
import { verifyDocument } from "@/server/documents/verify-document";
import { officeLabel, pick } from "@/server/localised";
import { verifyMetadata } from "../metadata";

export const generateMetadata = verifyMetadata;

/** Public: what a verification code proves (the document, its office and date, whether revoked); nothing about the person. */
export default async function VerifyCodePage({ params }: { params: Promise<{ code: string }> }) {
  const { code: raw } = await params;
  let code = raw;
  try {
    code = decodeURIComponent(raw);
  } catch {
    // A malformed escape is just a code that matches nothing.
  }
  const [t, format, locale, doc] = await Promise.all([
    getTranslations("citizen.verify"),
    getFormatter(),
    getLocale(),
    verifyDocument(code),
  ]);

  return (
    <section aria-labelledby="verify-title" className="mx-auto max-w-xl space-y-6">
      <h1 id="verify-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      {doc ? (
        <div
          data-testid="verify-result"
          data-valid={doc.revokedAt ? "revoked" : "valid"}
          className={`space-y-3 rounded-lg border p-5 ${doc.revokedAt ? "border-red-300 bg-red-50" : "border-green-300 bg-green-50"}`}
        >
          <p className={`text-lg font-semibold ${doc.revokedAt ? "text-red-900" : "text-green-900"}`} role="status">
            {doc.revokedAt ? t("revoked") : t("valid")}
          </p>
          <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
            <dt className="font-medium text-slate-700">{t("document")}</dt>
            <dd>{pick(locale, { en: doc.titleEn, zh: doc.titleZh })}</dd>
            <dt className="font-medium text-slate-700">{t("issuedBy")}</dt>
            <dd>{officeLabel(locale, doc.issuedBy)}</dd>
            <dt className="font-medium text-slate-700">{t("issuedAt")}</dt>
            <dd>{format.dateTime(new Date(doc.issuedAt), { dateStyle: "long" })}</dd>
            {doc.revokedAt && (
              <>
                <dt className="font-medium text-slate-700">{t("revokedAt")}</dt>
                <dd>{format.dateTime(new Date(doc.revokedAt), { dateStyle: "long" })}</dd>
              </>
            )}
            <dt className="font-medium text-slate-700">{t("code")}</dt>
            <dd className="font-mono">{doc.verificationCode}</dd>
          </dl>
          <p className="text-sm text-slate-700">{t("privacy")}</p>
        </div>
      ) : (
        <div
          data-testid="verify-result"
          data-valid="not-found"
          className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-5 text-amber-950"
        >
          <p className="text-lg font-semibold" role="status">
            {t("notFound")}
          </p>
          <p>{t("notFoundHint")}</p>
        </div>
      )}
      <h2 className="text-lg font-semibold">{t("another")}</h2>
      <VerifyForm />
      <Link href="/" className="inline-block text-blue-800 underline">
        {t("home")}
      </Link>
    </section>
  );
}
