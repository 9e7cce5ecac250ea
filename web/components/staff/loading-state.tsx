import { getTranslations } from "next-intl/server";

/** What a staff page shows while its data loads. */
export async function LoadingState() {
  const t = await getTranslations("staff.common");
  return (
    <p role="status" aria-live="polite" className="animate-pulse text-slate-700">
      {t("loading")}
    </p>
  );
}
