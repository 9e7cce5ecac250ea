import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { RecordType, ServiceDefinition } from "@visit-once/workflows/contracts";
import { officeLabel, pick, recordLabel } from "@/server/localised";

/**
 * Before she applies, the citizen reads what each office will be shown of her case: the
 * service definition's per-step grant, in her words. The workbench shows exactly this.
 */
export async function WhoSeesWhat({ service }: { service: ServiceDefinition }) {
  const [t, words, locale, format] = await Promise.all([
    getTranslations("citizen.apply.whoSees"),
    getTranslations("citizen"),
    getLocale(),
    getFormatter(),
  ]);
  const fieldName = (key: string) => (words.has(`recordFields.${key}`) ? words(`recordFields.${key}`) : key);
  const typedName = (name: string) => {
    const field = service.citizenFields.find((f) => f.name === name);
    return field ? pick(locale, field.label) : name;
  };
  return (
    <section aria-labelledby="who-sees-title" className="space-y-3" data-testid="who-sees-what">
      <h2 id="who-sees-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="text-slate-800">{t("intro")}</p>
      <ul className="space-y-3">
        {service.steps.map((step) => (
          <li
            key={step.key}
            className="rounded-lg border border-slate-200 bg-white p-4"
            data-testid={`who-sees-${step.key}`}
          >
            <h3 className="font-semibold">
              {officeLabel(locale, step.office)} · {pick(locale, step.title)}
            </h3>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-800">
              {(Object.entries(step.sees.records) as [RecordType, string[]][]).map(([type, fields]) => (
                <li key={type}>
                  {t("record", { record: recordLabel(locale, type), fields: format.list(fields.map(fieldName)) })}
                </li>
              ))}
              {step.sees.typed.length > 0 && (
                <li>{t("typed", { fields: format.list(step.sees.typed.map(typedName)) })}</li>
              )}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
