import { type RefusalExplanation, refusalExplanationSchema, readWords } from "@visit-once/workflows/contracts";
import { createTranslator } from "next-intl";
import en from "@/messages/en/words.json";
import zh from "@/messages/zh-CN/words.json";
import { officeLabel, pick, recordLabel, stepLabel } from "../localised";

// A refusal's explanation (rule, facts, records) said in the reader's language from its data:
// the rule's own bilingual words, the step's title, the record names and their departments.

type Locale = "en" | "zh-CN";

const translators = {
  en: createTranslator({ locale: "en", messages: { words: en }, namespace: "words.refusal" }),
  "zh-CN": createTranslator({ locale: "zh-CN", messages: { words: zh }, namespace: "words.refusal" }),
};

export interface RefusalWords {
  /** Who refused. */
  by: string;
  /** The rule applied. */
  rule: string;
  /** The facts it read (values from records). */
  facts: string[];
  /** What the officer or caseworker wrote ("" for a rule). */
  statement: string;
  /** The records relied on, each with its department. */
  records: string[];
  /** All of it as one paragraph. */
  sentence: string;
}

const CASEWORK_KINDS = [
  "CONFLICT",
  "MISSING_RECORD",
  "UNUSABLE_RECORD",
  "DEPARTMENT_UNAVAILABLE",
  "CITIZEN_DISPUTE",
  "NO_CONSENT",
  "OVERDUE_STEP",
  "UNSTORABLE_DATA",
] as const;

function fieldLabel(locale: Locale, field: string): string {
  const fields: Record<string, string> = (locale === "en" ? en : zh).fields;
  return fields[field] ?? field;
}

export function sayRefusal(locale: Locale, x: RefusalExplanation, serviceCode: string): RefusalWords {
  const t = translators[locale];
  const by = x.by === "officer" ? t("by.officer", { office: officeLabel(locale, x.office ?? "") }) : t(`by.${x.by}`);
  const exception = (CASEWORK_KINDS as readonly string[]).includes(x.rule.kind === "casework" ? x.rule.exception : "")
    ? (x.rule as { exception: (typeof CASEWORK_KINDS)[number] }).exception
    : "other";
  const rule =
    x.rule.kind === "eligibility"
      ? t("rule.eligibility", { message: pick(locale, x.rule.message) })
      : x.rule.kind === "step-condition"
        ? t("rule.step-condition", { step: stepLabel(locale, serviceCode, x.rule.stepKey) })
        : t("rule.casework", { exception: t(`casework.${exception}`) });
  const facts = x.facts.map((f) =>
    t("fact", {
      record: recordLabel(locale, f.recordType),
      field: fieldLabel(locale, f.field),
      value: f.value === null ? t("noValue") : String(f.value),
    }),
  );
  const records = x.records.map((r) =>
    t("record", { record: recordLabel(locale, r.recordType), department: officeLabel(locale, r.department) }),
  );
  const join = (parts: string[]) => parts.join(locale === "en" ? "; " : "；");
  const sentence = [
    t("sentence", { rule }),
    facts.length > 0 ? t("facts", { facts: join(facts) }) : "",
    x.statement ? t("finding", { statement: x.statement }) : "",
    records.length > 0 ? t("records", { records: join(records) }) : t("noRecords"),
  ]
    .filter(Boolean)
    .join(locale === "en" ? " " : "");
  return { by, rule, facts, statement: x.statement, records, sentence };
}

/** A stored explanation read back (null when it does not fit this release's schema). */
export function readRefusal(value: unknown): RefusalExplanation | null {
  return readWords(refusalExplanationSchema, value);
}
