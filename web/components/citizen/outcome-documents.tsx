"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { DocumentView } from "@/lib/steps";

/** The documents the case issued, each with its verification code and a PDF download. */
export function OutcomeDocuments({
  documents,
  officeNames,
}: {
  documents: DocumentView[];
  officeNames: Record<string, string>;
}) {
  const t = useTranslations("citizen.case.documents");
  const format = useFormatter();
  const locale = useLocale();
  if (documents.length === 0) return null;
  return (
    <section aria-labelledby="documents-title" className="space-y-3">
      <h2 id="documents-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <ul className="space-y-3">
        {documents.map((d) => (
          <li key={d.key} data-testid={`document-${d.key}`} className="rounded-lg border border-slate-200 bg-white p-4">
            <p className="font-semibold">{locale === "en" ? d.titleEn : d.titleZh}</p>
            <dl className="mt-1 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
              <dt className="font-medium text-slate-700">{t("issuedBy")}</dt>
              <dd>{officeNames[d.issuedBy] ?? d.issuedBy}</dd>
              <dt className="font-medium text-slate-700">{t("issuedAt")}</dt>
              <dd>{format.dateTime(new Date(d.issuedAt), { dateStyle: "medium" })}</dd>
              <dt className="font-medium text-slate-700">{t("code")}</dt>
              <dd className="font-mono" data-testid="verification-code">
                {d.verificationCode}
              </dd>
            </dl>
            {d.revokedAt && <p className="mt-2 font-medium text-red-800">{t("revoked")}</p>}
            <a
              href={`/api/documents/${encodeURIComponent(d.verificationCode)}/pdf`}
              download
              className="mt-3 inline-block rounded-md border border-blue-700 px-3 py-1.5 font-medium text-blue-800 hover:bg-blue-50"
            >
              {t("download", { title: locale === "en" ? d.titleEn : d.titleZh })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
