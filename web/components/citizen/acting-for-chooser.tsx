import { getTranslations } from "next-intl/server";
import type { ActingOption } from "@/server/representation/acting-for";

/** The `?for=` value of an option ("self", "child:<ref>", "mandate:<id>"); no identity number travels in it. */
export const actingParam = (o: Pick<ActingOption, "kind" | "ref"> | null) => (o ? `${o.kind}:${o.ref}` : "self");

/**
 * 为谁申请: the citizen applies for herself, or for someone she may act for (代办): her minor
 * children, whom the household and birth records prove hers, and whoever granted her a mandate
 * for this service. Links, so the choice is in the address and Back undoes it.
 */
export async function ActingForChooser({
  options,
  chosen,
  offerSelf,
  childrenUnavailable,
  forMinors,
}: {
  options: ActingOption[];
  chosen: string | null;
  offerSelf: boolean;
  childrenUnavailable: boolean;
  forMinors: boolean;
}) {
  const t = await getTranslations("citizen.actingFor");
  const choices = [
    ...(offerSelf ? [{ param: "self", label: t("self"), detail: null as string | null }] : []),
    ...options.map((o) => ({
      param: actingParam(o),
      label: o.name,
      detail: t(`${o.kind}Detail`, { detail: o.detail }),
    })),
  ];
  return (
    <section
      aria-labelledby="acting-for-title"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="acting-for-chooser"
    >
      <h2 id="acting-for-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-slate-800">{forMinors ? t("introMinors") : t("intro")}</p>
      {childrenUnavailable && (
        <p role="alert" className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-amber-950">
          {t("recordsUnavailable")}
        </p>
      )}
      {forMinors && !childrenUnavailable && options.length === 0 && (
        <p role="status" className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-slate-900">
          {t("noChildren")}
        </p>
      )}
      {choices.length > 0 && (
        <ul className="flex flex-wrap gap-2">
          {choices.map((c) => {
            const current = c.param === chosen;
            return (
              <li key={c.param}>
                <a
                  href={`?for=${encodeURIComponent(c.param)}`}
                  aria-current={current ? "true" : undefined}
                  className={`inline-block rounded-md border px-3 py-2 ${current ? "border-blue-700 bg-blue-50 font-semibold text-blue-900" : "border-slate-400 text-slate-900 hover:bg-slate-50"}`}
                >
                  {c.label}
                  {c.detail && <span className="block text-sm font-normal text-slate-700">{c.detail}</span>}
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
