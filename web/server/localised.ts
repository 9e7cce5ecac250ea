import {
  catalogueEntry,
  findService,
  isStepOffice,
  officeName,
  RECORD_TYPE_CODES,
  type RecordType,
} from "@visit-once/workflows/contracts";

type Words = { en: string; zh: string };

/** The words for the page's language: Chinese for zh-CN, English otherwise. */
export function pick(locale: string, words: Words): string {
  return locale === "zh-CN" ? words.zh : words.en;
}

/** Items as one list in the page's language: "a、b" in Chinese, "a, b" otherwise. */
export function joinList(locale: string, items: readonly string[]): string {
  return items.join(locale === "zh-CN" ? "、" : ", ");
}

/** An office's name, or the code itself for one this release does not know. */
export function officeLabel(locale: string, code: string | null | undefined): string {
  if (!code) return "";
  return isStepOffice(code) ? pick(locale, officeName(code)) : code;
}

export function serviceLabel(locale: string, code: string): string {
  const service = findService(code);
  return service ? pick(locale, service.title) : code;
}

export function recordLabel(locale: string, recordType: string): string {
  return (RECORD_TYPE_CODES as readonly string[]).includes(recordType)
    ? pick(locale, catalogueEntry(recordType as RecordType).title)
    : recordType;
}

export function stepLabel(locale: string, serviceCode: string, stepKey: string): string {
  const step = findService(serviceCode)?.steps.find((s) => s.key === stepKey);
  return step ? pick(locale, step.title) : stepKey;
}

/** A duration as the largest two units, for messages like "2 d 3 h". */
export function durationParts(seconds: number): {
  unit: "days" | "hours" | "minutes";
  days: number;
  hours: number;
  minutes: number;
} {
  const total = Math.max(0, Math.round(seconds / 60));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  return { unit: days > 0 ? "days" : hours > 0 ? "hours" : "minutes", days, hours, minutes };
}
