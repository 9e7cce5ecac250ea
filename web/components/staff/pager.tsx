import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageCount, pageHref } from "@/server/staff/pagination";

/** Previous / next links that keep the page's filters. */
export async function Pager({ path, params, page, total }: { path: string; params: Record<string, string | undefined>; page: number; total: number }) {
  const t = await getTranslations("staff.common");
  const pages = pageCount(total);
  if (pages <= 1 && page <= 1) return null;
  const link = "rounded border border-slate-300 bg-white px-3 py-1 text-blue-800 hover:bg-slate-100";
  return (
    <nav aria-label={t("pagination")} className="flex flex-wrap items-center gap-3 text-sm">
      {page > 1 && (
        <Link href={pageHref(path, params, Math.min(page - 1, pages))} className={link} rel="prev">
          {t("previous")}
        </Link>
      )}
      <span className="text-slate-700" data-testid="page-indicator">
        {t("pageOf", { page, pages })}
      </span>
      {page < pages && (
        <Link href={pageHref(path, params, page + 1)} className={link} rel="next">
          {t("next")}
        </Link>
      )}
    </nav>
  );
}
