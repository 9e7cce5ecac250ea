import { getLocale, getTranslations } from "next-intl/server";
import type { RefusalExplanation } from "@visit-once/workflows/contracts";
import { sayRefusal } from "@/server/cases/refusal-words";

/** Why a case was refused, in the reader's language: who refused, the rule, the facts, the finding and the records relied on. */
export async function RefusalExplanationList({
  refusal,
  serviceCode,
}: {
  refusal: RefusalExplanation;
  serviceCode: string;
}) {
  const [t, locale] = await Promise.all([getTranslations("common.refusal"), getLocale()]);
  const said = sayRefusal(locale === "en" ? "en" : "zh-CN", refusal, serviceCode);
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]" data-testid="refusal-explanation">
      <dt className="font-medium text-slate-700">{t("by")}</dt>
      <dd>{said.by}</dd>
      <dt className="font-medium text-slate-700">{t("rule")}</dt>
      <dd data-testid="refusal-rule">{said.rule}</dd>
      {said.facts.length > 0 && (
        <>
          <dt className="font-medium text-slate-700">{t("facts")}</dt>
          <dd>
            <ul className="list-disc pl-5">
              {said.facts.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {said.statement && (
        <>
          <dt className="font-medium text-slate-700">{t("finding")}</dt>
          <dd className="break-words">{said.statement}</dd>
        </>
      )}
      <dt className="font-medium text-slate-700">{t("records")}</dt>
      <dd data-testid="refusal-records">
        {said.records.length > 0 ? (
          <ul className="list-disc pl-5">
            {said.records.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : (
          t("noRecords")
        )}
      </dd>
    </dl>
  );
}
