"use client";

import { useTranslations } from "next-intl";
import type { ApplicationStatus } from "@/lib/steps";

export function StatusBanner({ status, reasons }: { status: ApplicationStatus; reasons: string[] }) {
  const t = useTranslations("citizen");
  const tone =
    status === "COMPLETED"
      ? "border-green-300 bg-green-50 text-green-900"
      : status === "FAILED" || status === "REJECTED"
        ? "border-red-300 bg-red-50 text-red-900"
        : status === "CANCELLED"
          ? "border-slate-300 bg-slate-100 text-slate-900"
          : "border-blue-300 bg-blue-50 text-blue-900";
  return (
    <div className={`rounded-lg border p-4 ${tone}`}>
      <p data-testid="application-status" data-status={status} role="status" aria-live="polite" className="text-lg font-semibold">
        {t(`status.${status}`)}
      </p>
      <p className="mt-1">{t(`statusHint.${status}`)}</p>
      {reasons.length > 0 && (status === "REJECTED" || status === "CANCELLED" || status === "FAILED") && (
        <div className="mt-3" data-testid="case-reasons">
          <p className="font-medium">{t("case.reasons")}</p>
          <ul className="list-disc pl-5">
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
