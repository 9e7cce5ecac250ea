import { getTranslations } from "next-intl/server";
import { Pager } from "@/components/pager";
import { pageCount, pageHref } from "@/server/staff/pagination";

/** The staff lists' pager: previous / next links that keep the page's filters. */
export async function StaffPager({
  path,
  params,
  page,
  total,
}: {
  path: string;
  params: Record<string, string | undefined>;
  page: number;
  total: number;
}) {
  const t = await getTranslations("staff.common");
  const pages = pageCount(total);
  return (
    <Pager
      page={page}
      pages={pages}
      href={(p) => pageHref(path, params, p)}
      labels={{
        nav: t("pagination"),
        previous: t("previous"),
        next: t("next"),
        indicator: t("pageOf", { page, pages }),
      }}
      linkClassName="rounded border border-slate-300 bg-white px-3 py-1 text-blue-800 hover:bg-slate-100"
      indicatorTestId="page-indicator"
    />
  );
}
