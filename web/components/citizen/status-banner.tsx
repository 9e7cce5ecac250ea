"use client";

import { useTranslations } from "next-intl";
import type { ApplicationStatus } from "@/lib/steps";
import { STATUS_TONES } from "./status-badge";

export function StatusBanner({ status, reasons }: { status: ApplicationStatus; reasons: string[] }) {
  const t = useTranslations("citizen");
  return (
    <div className={`rounded-lg border p-4 ${STATUS_TONES[status]}`}>
      <p
        data-testid="application-status"
        data-status={status}
        role="status"
        aria-live="polite"
        className="text-lg font-semibold"
      >
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
