import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { listCaseCorrections } from "@/server/corrections/case-corrections";
import { officeLabel, recordLabel } from "@/server/localised";

const STEPS = ["asked", "answered", "refetched"] as const;

/**
 * The citizen's view of the corrections her disputes asked for: which department, what she
 * said, where it stands (asked, answered, the record fetched again), and the corrected values
 * or the department's reason. Nothing when the case has none.
 */
export async function CaseCorrections({ applicationId }: { applicationId: string }) {
  const corrections = await listCaseCorrections(applicationId);
  if (corrections.length === 0) return null;
  const [t, words, locale, format] = await Promise.all([
    getTranslations("citizen.case.corrections"),
    getTranslations("citizen"),
    getLocale(),
    getFormatter(),
  ]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const fieldLabel = (name: string) => (words.has(`recordFields.${name}`) ? words(`recordFields.${name}`) : name);
  const valueLabel = (name: string, value: string) =>
    /^[A-Za-z][\w-]*$/.test(value) && words.has(`recordValues.${name}.${value}`)
      ? words(`recordValues.${name}.${value}`)
      : value;

  return (
    <section aria-labelledby="corrections-title" className="space-y-3" data-testid="case-corrections">
      <h2 id="corrections-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <ul className="space-y-3">
        {corrections.map((c) => {
          const reached = c.status === "OPEN" ? 1 : c.status === "CORRECTED" ? 3 : 2;
          return (
            <li
              key={c.id}
              className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
              data-testid="correction"
              data-status={c.status}
              data-record-type={c.recordType}
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="font-semibold">
                  {t("record", {
                    record: recordLabel(locale, c.recordType),
                    department: officeLabel(locale, c.department),
                  })}
                </h3>
                <span
                  className="rounded-full bg-slate-100 px-3 py-0.5 text-sm font-medium text-slate-800"
                  data-testid="correction-status"
                >
                  {t(`status.${c.status}`)}
                </span>
              </div>
              <ol aria-label={t("stepsLabel")} className="flex flex-wrap gap-2 text-sm">
                {STEPS.map((s, i) => (
                  <li
                    key={s}
                    className={`rounded px-2 py-0.5 ${i < reached ? "bg-green-100 text-green-900" : "bg-slate-100 text-slate-700"}`}
                    aria-current={i === reached - 1 ? "step" : undefined}
                  >
                    {i < reached ? "✓ " : ""}
                    {t(`steps.${s}`)}
                  </li>
                ))}
              </ol>
              <p className="text-sm" data-testid="correction-progress">
                {t(`progress.${c.status}`, {
                  due: day(c.dueAt),
                  date: day(c.closedAt ?? c.openedAt),
                  reason: c.reason ?? "",
                })}
              </p>
              <dl className="grid grid-cols-1 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
                <dt className="font-medium text-slate-700">{t("explanation")}</dt>
                <dd className="whitespace-pre-wrap break-words">{c.explanation}</dd>
                {c.fields.length > 0 && (
                  <>
                    <dt className="font-medium text-slate-700">{t("corrected")}</dt>
                    <dd data-testid="corrected-values">
                      {c.fields.map((f) => (
                        <span key={f.field} className="block">
                          {fieldLabel(f.field)}: {valueLabel(f.field, f.value)}
                        </span>
                      ))}
                    </dd>
                  </>
                )}
              </dl>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
