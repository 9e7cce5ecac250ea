import type { DepartmentCode } from "./departments";
import { RECORD_TITLES } from "./record-titles";
import { RECORD_TYPES, type RecordType } from "./records";

/** Why a record may be requested: a service (a "one thing") the citizen applies for. */
export const PURPOSES = {
  "newborn-registration": { en: "Register a newborn", zh: "新生儿出生一件事" },
  "business-startup": { en: "Start a business", zh: "企业开办一件事" },
  "property-transfer": { en: "Transfer a property", zh: "二手房转移登记一件事" },
  "school-enrolment": { en: "Enrol a child in school", zh: "入学一件事" },
  retirement: { en: "Retire", zh: "退休一件事" },
  "child-medical-insurance": { en: "Enrol a child in resident medical insurance", zh: "少儿医保参保" },
} as const;
export type PurposeCode = keyof typeof PURPOSES;

export interface CatalogueEntry {
  recordType: RecordType;
  department: DepartmentCode;
  version: number;
  title: { en: string; zh: string };
  /** The law under which the department may share this record. */
  legalBasis: { en: string; zh: string };
  /** The only purposes this record may be requested for. */
  purposes: readonly PurposeCode[];
  fields: string[];
}

const ENTRIES: Record<
  RecordType,
  Omit<CatalogueEntry, "recordType" | "department" | "version" | "fields" | "title">
> = {
  identity: {
    legalBasis: { en: "Resident Identity Card Law, art. 13", zh: "《中华人民共和国居民身份证法》第十三条" },
    purposes: [
      "newborn-registration",
      "business-startup",
      "property-transfer",
      "school-enrolment",
      "retirement",
      "child-medical-insurance",
    ],
  },
  household: {
    legalBasis: { en: "Household Registration Regulations, art. 4", zh: "《中华人民共和国户口登记条例》第四条" },
    purposes: ["newborn-registration", "school-enrolment", "child-medical-insurance"],
  },
  "birth-certificate": {
    legalBasis: { en: "Maternal and Infant Health Care Law, art. 23", zh: "《中华人民共和国母婴保健法》第二十三条" },
    purposes: ["newborn-registration"],
  },
  vaccination: {
    legalBasis: { en: "Vaccine Administration Law, art. 48", zh: "《中华人民共和国疫苗管理法》第四十八条" },
    purposes: ["school-enrolment"],
  },
  marriage: {
    legalBasis: { en: "Marriage Registration Regulations, art. 2", zh: "《婚姻登记条例》第二条" },
    purposes: ["newborn-registration", "property-transfer"],
  },
  "social-insurance": {
    legalBasis: { en: "Social Insurance Law, art. 74", zh: "《中华人民共和国社会保险法》第七十四条" },
    purposes: ["school-enrolment", "retirement", "business-startup"],
  },
  "tax-clearance": {
    legalBasis: { en: "Tax Collection Administration Law, art. 8", zh: "《中华人民共和国税收征收管理法》第八条" },
    purposes: ["property-transfer", "business-startup"],
  },
  property: {
    legalBasis: {
      en: "Interim Regulations on Real Estate Registration, art. 27",
      zh: "《不动产登记暂行条例》第二十七条",
    },
    purposes: ["property-transfer", "school-enrolment"],
  },
  "business-registration": {
    legalBasis: {
      en: "Regulations on the Registration of Market Entities, art. 35",
      zh: "《中华人民共和国市场主体登记管理条例》第三十五条",
    },
    purposes: ["business-startup"],
  },
  "medical-insurance": {
    legalBasis: { en: "Social Insurance Law, art. 23", zh: "《中华人民共和国社会保险法》第二十三条" },
    purposes: ["newborn-registration", "retirement"],
  },
};

/** The data catalogue: which department provides which record, under which law, for what. */
export const DATA_CATALOGUE: CatalogueEntry[] = (Object.keys(RECORD_TYPES) as RecordType[]).map((recordType) => ({
  recordType,
  department: RECORD_TYPES[recordType].department,
  version: RECORD_TYPES[recordType].version,
  fields: Object.keys(RECORD_TYPES[recordType].schema.shape),
  title: RECORD_TITLES[recordType],
  ...ENTRIES[recordType],
}));

export function catalogueEntry(recordType: RecordType): CatalogueEntry {
  const entry = DATA_CATALOGUE.find((e) => e.recordType === recordType);
  if (!entry) throw new Error(`No catalogue entry for ${recordType}`);
  return entry;
}

/** Whether a record may be requested for a purpose: the catalogue is the only allow-list. */
export function mayRequest(recordType: RecordType, purpose: string): boolean {
  return (catalogueEntry(recordType).purposes as readonly string[]).includes(purpose);
}
