"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

/** The loading state every citizen page shares. */
export function LoadingPanel() {
  const t = useTranslations("citizen.states");
  return (
    <div
      role="status"
      aria-live="polite"
      className="flex items-center gap-3 rounded-lg border border-slate-200 bg-white p-6 text-slate-800"
    >
      <span
        aria-hidden="true"
        className="h-4 w-4 animate-spin rounded-full border-2 border-blue-700 border-t-transparent motion-reduce:animate-none"
      />
      {t("loading")}
    </div>
  );
}

/** The error state every citizen page shares: plain words, and a way on. */
export function ErrorPanel({ reset }: { reset: () => void }) {
  const t = useTranslations("citizen.states");
  return (
    <div role="alert" className="space-y-3 rounded-lg border border-red-300 bg-red-50 p-6 text-red-900">
      <h1 className="text-xl font-semibold">{t("errorTitle")}</h1>
      <p>{t("errorHint")}</p>
      <div className="flex flex-wrap gap-4">
        <button
          type="button"
          onClick={reset}
          className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800"
        >
          {t("retry")}
        </button>
        <Link href="/" className="self-center text-blue-800 underline">
          {t("home")}
        </Link>
      </div>
    </div>
  );
}
