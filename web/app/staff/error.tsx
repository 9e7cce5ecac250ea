"use client";

import { useTranslations } from "next-intl";

export default function StaffError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("staff.common");
  return (
    <section
      role="alert"
      aria-labelledby="staff-error-title"
      className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-4"
    >
      <h1 id="staff-error-title" className="text-xl font-semibold text-red-900">
        {t("errorTitle")}
      </h1>
      <p className="text-red-900">{t("errorBody")}</p>
      <button
        type="button"
        onClick={reset}
        className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800"
      >
        {t("retry")}
      </button>
    </section>
  );
}
