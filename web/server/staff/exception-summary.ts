import { exceptionDetailSchema, readWords } from "@visit-once/workflows/contracts";
import { readConflict, type StoredConflict, valueSource } from "./conflict";
import { conflictValueLabel } from "../cases/case-words";
import { joinList, officeLabel, recordLabel, stepLabel } from "../localised";

type Translate = (key: string, values?: Record<string, string>) => string;

export interface SummarisedException {
  kind: string;
  departmentCode: string | null;
  recordType: string | null;
  stepKey: string | null;
  conflict: unknown;
  /** The workflow's English sentence: shown only for a row from before `detail`. */
  summary: string;
  /** What the exception names beyond its columns (contracts/case-words.ts); null on rows from before. */
  detail?: unknown;
  application: { serviceCode: string };
}

// The pages say an exception from its structure (kind, columns, `detail`), in the reader's
// language (`t` over `staff.summaries`); nothing reads the workflow's English sentence.

/**
 * `inQueue`: the queue's triage needs the kind of problem and who holds what, not the values or
 * the citizen's own words, so it is shown neither (they are on the exception page, whose every
 * view goes on the access ledger): the queue shows no citizen's data.
 */
export function exceptionSummary(
  t: Translate,
  locale: string,
  x: SummarisedException,
  { inQueue = false } = {},
): string {
  const department = officeLabel(locale, x.departmentCode);
  const record = x.recordType ? recordLabel(locale, x.recordType) : "";
  switch (x.kind) {
    case "CONFLICT": {
      const conflict = readConflict(x.conflict);
      if (!conflict) return inQueue ? "" : x.summary;
      if (inQueue) {
        const sources = [...new Set(conflict.values.map((v) => source(t, locale, v)))];
        return t("conflictInQueue", { field: t(`fields.${conflict.field}`), sources: joinList(locale, sources) });
      }
      const sources = new Map<string, string[]>();
      for (const v of conflict.values) {
        const who = source(t, locale, v);
        const shown = conflictValueLabel(locale === "en" ? "en" : "zh-CN", v);
        const list = sources.get(shown) ?? [];
        if (!list.includes(who)) list.push(who);
        sources.set(shown, list);
      }
      const values = [...sources].map(([value, who]) => t("valueFrom", { value, sources: joinList(locale, who) }));
      return t("conflict", { field: t(`fields.${conflict.field}`), values: values.join(t("separator")) });
    }
    case "MISSING_RECORD":
      return t("missing", { department, record });
    case "NO_CONSENT":
      return t("noConsent", { record });
    case "UNUSABLE_RECORD":
      return t("unusable", { department, record });
    case "DEPARTMENT_UNAVAILABLE":
      return t("unavailable", { department, record });
    case "OVERDUE_STEP":
      return x.stepKey
        ? t("overdue", { step: stepLabel(locale, x.application.serviceCode, x.stepKey), office: department })
        : x.summary;
    case "UNSTORABLE_DATA":
      return t("unstorable");
    case "CITIZEN_DISPUTE": {
      if (inQueue) return t("disputeInQueue", { record });
      const detail = readWords(exceptionDetailSchema, x.detail);
      return detail?.kind === "CITIZEN_DISPUTE" ? t("dispute", { record, explanation: detail.explanation }) : x.summary;
    }
    default:
      return inQueue ? "" : x.summary;
  }
}

/** Who holds a conflicting value: an office, the identity number itself (issued by Public Security), or the application. */
export function source(t: Translate, locale: string, v: StoredConflict["values"][number]): string {
  const from = valueSource(v);
  if (from === "identity-number") return t("identityNumber", { office: officeLabel(locale, "public-security") });
  if (from === "application") return t("theApplication");
  return officeLabel(locale, v.department);
}
