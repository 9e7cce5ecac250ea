import { readConflict } from "./conflict";
import { joinList, officeLabel, recordLabel, stepLabel } from "../localised";

type Translate = (key: string, values?: Record<string, string>) => string;

export interface SummarisedException {
  kind: string;
  departmentCode: string | null;
  recordType: string | null;
  stepKey: string | null;
  conflict: unknown;
  /** The workflow's English sentence: the fallback, and the citizen's own words for a dispute. */
  summary: string;
  application: { serviceCode: string };
}

// The workflow writes one English sentence per exception; the pages say it from the
// exception's structure instead, in the reader's language (`t` over `staff.summaries`).
const DISPUTE = /^The citizen says the [a-z-]+ record is wrong: ([\s\S]*)$/;

/**
 * `inQueue`: the queue's triage needs the kind of problem and who holds what, not the values or
 * the citizen's own words, so it is shown neither (they are on the exception page, whose every
 * view goes on the access ledger): the queue shows no citizen's data.
 */
export function exceptionSummary(t: Translate, locale: string, x: SummarisedException, { inQueue = false } = {}): string {
  const department = officeLabel(locale, x.departmentCode);
  const record = x.recordType ? recordLabel(locale, x.recordType) : "";
  switch (x.kind) {
    case "CONFLICT": {
      const conflict = readConflict(x.conflict);
      if (!conflict) return inQueue ? "" : x.summary;
      if (inQueue) {
        const sources = [...new Set(conflict.values.map((v) => source(t, locale, v.department)))];
        return t("conflictInQueue", { field: t(`fields.${conflict.field}`), sources: joinList(locale, sources) });
      }
      const sources = new Map<string, string[]>();
      for (const v of conflict.values) {
        const who = source(t, locale, v.department);
        const list = sources.get(v.value) ?? [];
        if (!list.includes(who)) list.push(who);
        sources.set(v.value, list);
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
      return x.stepKey ? t("overdue", { step: stepLabel(locale, x.application.serviceCode, x.stepKey), office: department }) : x.summary;
    case "UNSTORABLE_DATA":
      return t("unstorable");
    case "CITIZEN_DISPUTE":
      return inQueue ? t("disputeInQueue", { record }) : t("dispute", { record, explanation: DISPUTE.exec(x.summary)?.[1] ?? "" });
    default:
      return inQueue ? "" : x.summary;
  }
}

/** Who holds a conflicting value: an office, the identity number itself, or the application. */
function source(t: Translate, locale: string, department: string): string {
  const identityNumber = /^(.+) \(identity number\)$/.exec(department);
  if (identityNumber) return t("identityNumber", { office: officeLabel(locale, identityNumber[1]) });
  if (department === "application") return t("theApplication");
  return officeLabel(locale, department);
}
