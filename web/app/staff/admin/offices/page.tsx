import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { TableRegion, td, th } from "@/components/staff/table-region";
import { firstParam, type SearchParam } from "@/lib/pagination";
import { pick } from "@/server/localised";
import { listOffices } from "@/server/offices/list-offices";
import { requireQueue } from "@/server/staff/staff-access";
import { deleteOfficeAction } from "./actions";
import { OfficeForm } from "./office-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.admin.offices"))("title") };
}

const STATUS = ["deleted", "in-use", "not-found"] as const;

/** Administrators: the offices, each with its supervising office and what uses it; add, edit, or delete an unused one. */
export default async function OfficesPage({ searchParams }: { searchParams: Promise<{ status?: SearchParam }> }) {
  await requireQueue("offices");
  const [query, t, tError, locale, offices] = await Promise.all([
    searchParams,
    getTranslations("staff.admin.offices"),
    getTranslations("staff.admin.errors"),
    getLocale(),
    listOffices(),
  ]);
  const name = (code: string | null) => {
    const office = offices.find((o) => o.code === code);
    return office ? pick(locale, { en: office.nameEn, zh: office.nameZh }) : (code ?? "—");
  };
  const status = STATUS.find((s) => s === firstParam(query.status));
  const choices = offices.map((o) => ({ code: o.code, name: name(o.code) }));
  return (
    <section aria-labelledby="offices-title" className="space-y-6">
      <div>
        <h1 id="offices-title" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      {status && (
        <p
          role={status === "deleted" ? "status" : "alert"}
          data-testid="office-status"
          className="rounded-md border border-slate-300 bg-white px-3 py-2"
        >
          {status === "deleted" ? t("deleted") : tError(status)}
        </p>
      )}
      <TableRegion captionId="offices-caption">
        <table className="w-full min-w-[48rem] text-sm">
          <caption id="offices-caption" className="px-3 py-2 text-left text-slate-700">
            {t("caption")}
          </caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={th}>
                {t("nameZh")} / {t("nameEn")}
              </th>
              <th scope="col" className={th}>
                {t("code")}
              </th>
              <th scope="col" className={th}>
                {t("supervisor")}
              </th>
              <th scope="col" className={th}>
                {t("staff")}
              </th>
              <th scope="col" className={th}>
                {t("supervises")}
              </th>
              <th scope="col" className={th}>
                <span className="sr-only">{t("edit")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {offices.map((o) => (
              <tr key={o.code} className="border-t border-slate-200" data-testid={`office-${o.code}`}>
                <th scope="row" className={`${td} text-left font-medium`}>
                  {o.nameZh} / <span lang="en">{o.nameEn}</span>
                </th>
                <td className={td}>
                  <code>{o.code}</code>
                </td>
                <td className={td} data-testid="supervisor">
                  {o.supervisingOfficeCode ? name(o.supervisingOfficeCode) : t("supervisorNone")}
                </td>
                <td className={td}>{o.staff}</td>
                <td className={td}>{o.supervises}</td>
                <td className={`${td} flex gap-2`}>
                  <Link
                    href={`/staff/admin/offices/${o.code}`}
                    aria-label={t("editFor", { name: name(o.code) })}
                    className="rounded-md border border-slate-400 bg-white px-3 py-1.5 font-medium text-blue-800 hover:bg-slate-100"
                  >
                    {t("edit")}
                  </Link>
                  <form action={deleteOfficeAction}>
                    <input type="hidden" name="code" value={o.code} />
                    <button
                      type="submit"
                      aria-label={t("deleteFor", { name: name(o.code) })}
                      className="rounded-md border border-red-700 bg-white px-3 py-1.5 font-medium text-red-800 hover:bg-red-50"
                    >
                      {t("delete")}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <OfficeForm
        mode="create"
        initial={{ code: "", nameEn: "", nameZh: "", supervisor: "general-office" }}
        offices={choices}
      />
    </section>
  );
}
