import {
  caseEventWordsSchema,
  type CaseEventWords,
  readWords,
  stepDetailSchema,
  type StepDetail,
} from "@visit-once/workflows/contracts";
import { createTranslator } from "next-intl";
import en from "@/messages/en/words.json";
import zh from "@/messages/zh-CN/words.json";
import { civilNoon } from "@/lib/dates";
import { officeLabel, pick, recordLabel, stepLabel } from "../localised";
import { sayRefusal } from "./refusal-words";

// What the workflow records as a kind with parameters, said in each language from the
// `words` catalogue. Codes are labelled here; a person's own words (a reason, a question)
// pass through as written. Rows from before words-as-data have none and keep their text.

type Bilingual = { en: string; zh: string };
type Locale = "en" | "zh-CN";

const translators = {
  en: createTranslator({ locale: "en", messages: { words: en }, namespace: "words" }),
  "zh-CN": createTranslator({ locale: "zh-CN", messages: { words: zh }, namespace: "words" }),
};

/** A China day (YYYY-MM-DD) as a date in the reader's language: "28 December 2026", "2026年12月28日". */
export function chinaDay(locale: Locale, day: string): string {
  const at = civilNoon(day);
  if (Number.isNaN(at.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Asia/Shanghai" }).format(at);
}

/** A record's name inside a sentence ("the medical birth certificate"): the catalogue's title, lower-cased in English. */
function recordInSentence(locale: Locale, recordType: string): string {
  const title = recordLabel(locale, recordType);
  return locale === "en" ? title.charAt(0).toLowerCase() + title.slice(1) : title;
}

function fieldLabel(locale: Locale, field: string | undefined): string {
  const fields: Record<string, string> = (locale === "en" ? en : zh).fields;
  return field ? (fields[field] ?? field) : "";
}

function sayEvent(locale: Locale, w: CaseEventWords, serviceCode: string): string {
  const t = translators[locale];
  const step =
    "stepKey" in w
      ? { step: stepLabel(locale, serviceCode, w.stepKey), office: officeLabel(locale, w.office) }
      : { step: "", office: "" };
  switch (w.kind) {
    case "record-disputed":
      return t("events.record-disputed", { record: recordInSentence(locale, w.recordType) });
    case "applied-for":
      return t(`events.applied-for.${w.basis}`, { representative: w.representative, subject: w.subject });
    case "consent-withdrawn":
      return t("events.consent-withdrawn", { record: recordInSentence(locale, w.recordType) });
    case "preview-ready":
    case "preview-lapsed":
      return t(`events.${w.kind}`, { due: chinaDay(locale, w.dueDay) });
    case "information-requested":
      return t("events.information-requested", { question: w.question });
    case "exception-raised":
      if (w.exception === "CONFLICT")
        return t("events.exception-raised.conflict", { field: fieldLabel(locale, w.field) });
      if (w.exception === "NO_CONSENT")
        return t("events.exception-raised.noConsent", { record: recordInSentence(locale, w.recordType ?? "") });
      return t("events.exception-raised.fetch", {
        record: recordInSentence(locale, w.recordType ?? ""),
        department: officeLabel(locale, w.department),
      });
    case "exception-resolved": {
      const meaning = w.meaning ? t(`meanings.${w.meaning}`) : undefined;
      return t(`events.exception-resolved.${w.resolution}`, { value: meaning ?? w.value ?? "", why: w.why });
    }
    case "correction-requested":
    case "correction-overdue":
      return t(`events.${w.kind}`, {
        department: officeLabel(locale, w.department),
        record: recordInSentence(locale, w.recordType),
      });
    case "record-corrected":
      return t("events.record-corrected", {
        department: officeLabel(locale, w.department),
        record: recordInSentence(locale, w.recordType),
        fields: w.fields.map((f) => f.value).join(locale === "en" ? ", " : "、"),
      });
    case "correction-refused":
      return t("events.correction-refused", {
        department: officeLabel(locale, w.department),
        record: recordInSentence(locale, w.recordType),
        reason: w.reason,
      });
    case "exception-refetched":
      return t(w.settled ? "events.exception-refetched.settled" : "events.exception-refetched.unsettled");
    case "exception-rejected":
      return t("events.exception-rejected", { reason: w.reason });
    case "step-started":
      return t("events.step-started", { ...step, due: chinaDay(locale, w.dueDay) });
    case "step-reminder":
    case "step-escalated":
    case "step-revoked":
    case "step-approve":
    case "step-request-correction":
      return t(`events.${w.kind}`, step);
    case "step-reject":
      return t("events.step-reject", { ...step, reason: w.reason });
    case "document-issued":
    case "document-revoked":
      return t(`events.${w.kind}`, { title: pick(locale, w.title) });
    case "case-refused":
      return t("events.case-refused", {
        explanation: sayRefusal(locale, w.refusal, serviceCode).sentence,
        due: chinaDay(locale, w.dueDay),
      });
    case "review-requested":
      return t("events.review-requested", { grounds: w.grounds });
    case "review-overturned":
    case "review-upheld":
      return t(`events.${w.kind}`, { reasons: w.reasons });
    case "case-rejected":
    case "case-failed":
      return t(`events.${w.kind}`, { reasons: w.reasons.map((r) => pick(locale, r)).join(locale === "en" ? " " : "") });
    default:
      return t(`events.${w.kind}`);
  }
}

/** A history row with its messages said from its words when it has them (both languages: the citizen's page picks). */
export function sayEventRow<T extends { messageEn: string; messageZh: string; words?: unknown }>(
  row: T,
  serviceCode: string,
): Omit<T, "words"> {
  const { words, ...rest } = row;
  const w = readWords(caseEventWordsSchema, words);
  if (!w) return rest;
  return { ...rest, messageEn: sayEvent("en", w, serviceCode), messageZh: sayEvent("zh-CN", w, serviceCode) };
}

function sayStep(locale: Locale, w: StepDetail): string {
  const t = translators[locale];
  switch (w.kind) {
    case "record-missing":
    case "record-unusable":
      return t(`steps.${w.kind}`, {
        department: officeLabel(locale, w.department),
        record: recordInSentence(locale, w.recordType),
      });
    case "department-unavailable":
      return t("steps.department-unavailable", { department: officeLabel(locale, w.department), attempts: w.attempts });
    case "department-retrying":
      return t("steps.department-retrying", { department: officeLabel(locale, w.department) });
    case "none-on-record":
    case "consent-withdrawn":
      return t(`steps.${w.kind}`);
    case "reasons":
      return w.reasons.map((r) => pick(locale, r)).join(locale === "en" ? " " : "");
  }
}

/** A step's detail in both languages: from its words, else its stored text (an officer's reason, or a row from before) in both. */
export function sayStepDetail(detail: string | null, words: unknown): Bilingual | null {
  const w = readWords(stepDetailSchema, words);
  if (w) return { en: sayStep("en", w), zh: sayStep("zh-CN", w) };
  return detail ? { en: detail, zh: detail } : null;
}

/** A conflict value as shown: a statement in the reader's language, data as it is. */
export function conflictValueLabel(locale: Locale, v: { value: string; meaning?: string }): string {
  return v.meaning === "the-applicant" || v.meaning === "spouse-listed"
    ? translators[locale](`meanings.${v.meaning}`)
    : v.value;
}
