import type { RecordType } from "./records";

/** What each record type is called, in both languages. Plain data: the workflow bundle uses it too. */
export const RECORD_TITLES: Readonly<Record<RecordType, { en: string; zh: string }>> = {
  identity: { en: "Identity record", zh: "居民身份信息" },
  household: { en: "Household registration", zh: "户籍信息" },
  "birth-certificate": { en: "Medical birth certificate", zh: "出生医学证明" },
  vaccination: { en: "Vaccination record", zh: "预防接种记录" },
  marriage: { en: "Marriage registration", zh: "婚姻登记信息" },
  "social-insurance": { en: "Social insurance contribution history", zh: "社会保险缴费记录" },
  "tax-clearance": { en: "Tax clearance", zh: "完税证明" },
  property: { en: "Real estate registration", zh: "不动产登记信息" },
  "business-registration": { en: "Business registration", zh: "市场主体登记信息" },
  "medical-insurance": { en: "Medical insurance enrolment", zh: "医疗保险参保信息" },
};
