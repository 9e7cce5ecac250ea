import type { DepartmentCode, StepOffice } from "./departments";
import type { RecordType } from "./records";

// The published "one thing" services, as data: adding a service means adding a
// definition here, not workflow code. `service-definition.ts` validates them.

type Text = { en: string; zh: string };

export interface EvidenceRequirement {
  recordType: RecordType;
  department: DepartmentCode;
  purpose: Text;
  /** A record the department may rightly not hold: its absence is a fact, not an exception. */
  optional?: boolean;
}

/** What the citizen types: only what no department holds. */
export interface CitizenField {
  name: string;
  label: Text;
  kind: "text" | "number" | "date" | "national-id";
  required: boolean;
}

/** A check on the harmonised records, evaluated before any department step starts. */
export type EligibilityRule =
  | { kind: "min-number"; recordType: RecordType; field: string; min: number; message: Text }
  | { kind: "equals"; recordType: RecordType; field: string; value: string | boolean; message: Text }
  | { kind: "min-age"; years: { F: number; M: number }; message: Text };

export type { StepOffice };

/** Field-level minimisation: the record fields (by record type) and the typed fields a step's office may see. */
export interface StepGrant {
  records: Partial<Record<RecordType, string[]>>;
  typed: string[];
}

/** A department step: a human task for an officer of that office, in a DAG by `after`. */
export interface DepartmentStep {
  key: string;
  office: StepOffice;
  title: Text;
  /** Steps that must be approved first; steps with no pending predecessor run in parallel. */
  after: string[];
  /**
   * What this office's officers are shown for the step, and nothing else: per granted record
   * type, the fields of the data standard the work needs; and the citizen-typed fields it needs.
   */
  sees: StepGrant;
  deadlineWorkingDays: number;
  /** After the deadline: a reminder to the office; this many working days later, a caseworker. */
  escalateAfterWorkingDays: number;
}

export interface OutcomeDocument {
  key: string;
  title: Text;
  issuedBy: StepOffice;
}

export interface ServiceDefinition {
  code: string;
  /**
   * Raised by every edit (service-versions.test.ts holds each version's fingerprint): a case
   * carries the definition it was submitted under in its input, so running cases keep theirs.
   */
  version: number;
  title: Text;
  summary: Text;
  evidence: EvidenceRequirement[];
  citizenFields: CitizenField[];
  /**
   * The typed field naming who an application is about when it is not the applicant (the baby):
   * a citizen holds at most one open application per service and subject. Absent: the applicant.
   */
  subjectField?: string;
  /**
   * A service about a child (代办): a parent applies for her minor child, proven from the household
   * and birth records, and the records fetched are the child's. Absent: about the applicant (or
   * whoever granted her a mandate for it).
   */
  forMinors?: boolean;
  eligibility: EligibilityRule[];
  steps: DepartmentStep[];
  outcomes: OutcomeDocument[];
}

export const SERVICES = {
  "newborn-registration": {
    code: "newborn-registration",
    // 2: the baby named as the application's subject (one open application per baby).
    // 3: the parents' marriage record is optional (withdrawable at the preview; none on record is no exception).
    version: 3,
    title: { en: "Register a newborn", zh: "新生儿出生“一件事”" },
    summary: {
      en: "Birth registration, household registration and insurance for your baby in one application.",
      zh: "一次申请，办理出生登记、户口登记和参保。",
    },
    evidence: [
      {
        recordType: "identity",
        department: "public-security",
        purpose: { en: "Confirm who you are and where your household is registered", zh: "核实您的身份和户籍所在地" },
      },
      {
        recordType: "household",
        department: "public-security",
        purpose: { en: "Register the baby in your household", zh: "为新生儿办理户口登记" },
      },
      {
        recordType: "birth-certificate",
        department: "health",
        purpose: {
          en: "Confirm the birth from the hospital's medical birth certificate",
          zh: "依据医院出具的出生医学证明核实出生信息",
        },
      },
      {
        recordType: "marriage",
        department: "civil-affairs",
        purpose: {
          en: "Confirm the parents' marriage for the household registration",
          zh: "核实父母婚姻状况以办理落户",
        },
        // A child is registered in a parent's household whether or not the parents are married (国办发〔2015〕96号):
        // without this record the household office registers the baby on the medical birth certificate and the
        // household record alone, and a parent may withdraw consent for it at the preview.
        optional: true,
      },
      {
        recordType: "medical-insurance",
        department: "medical-security",
        purpose: { en: "Enrol the baby in medical insurance alongside you", zh: "为新生儿办理医保参保" },
      },
    ],
    citizenFields: [
      {
        name: "babyName",
        label: { en: "The baby's name to register", zh: "新生儿登记姓名" },
        kind: "text",
        required: true,
      },
    ],
    subjectField: "babyName",
    eligibility: [],
    steps: [
      {
        key: "household-registration",
        office: "public-security",
        title: { en: "Household registration", zh: "户口登记" },
        after: [],
        sees: {
          // Adds the baby to the parent's household: who the parent is and where, the household, the birth, the parents' marriage.
          records: {
            identity: ["nationalId", "fullName", "householdRegion", "householdAddress"],
            household: ["householdNo", "region", "address", "headNationalId", "members"],
            "birth-certificate": [
              "certificateNo",
              "childName",
              "childSex",
              "birthDate",
              "birthPlace",
              "motherNationalId",
              "fatherNationalId",
            ],
            marriage: ["registrationNo", "partyNationalIds", "status"],
          },
          typed: ["babyName"],
        },
        deadlineWorkingDays: 5,
        escalateAfterWorkingDays: 2,
      },
      {
        key: "medical-insurance-enrolment",
        office: "medical-security",
        title: { en: "Medical insurance enrolment", zh: "医保参保登记" },
        after: ["household-registration"],
        sees: {
          // Enrols the baby alongside the parent: the parent's scheme and standing, not her address or history.
          records: {
            identity: ["nationalId", "fullName"],
            "medical-insurance": ["nationalId", "scheme", "status"],
            "birth-certificate": ["certificateNo", "childName", "childSex", "birthDate"],
          },
          typed: ["babyName"],
        },
        deadlineWorkingDays: 5,
        escalateAfterWorkingDays: 2,
      },
      {
        key: "social-security-card",
        office: "human-resources",
        title: { en: "Social security card", zh: "社会保障卡申领" },
        after: ["medical-insurance-enrolment"],
        sees: {
          // The card is the baby's; the parent applies as guardian.
          records: {
            identity: ["nationalId", "fullName"],
            "birth-certificate": ["certificateNo", "childName", "childSex", "birthDate"],
          },
          typed: ["babyName"],
        },
        deadlineWorkingDays: 10,
        escalateAfterWorkingDays: 3,
      },
    ],
    outcomes: [
      {
        key: "household-page",
        title: { en: "Household register page", zh: "户口簿登记页" },
        issuedBy: "public-security",
      },
      {
        key: "insurance-certificate",
        title: { en: "Medical insurance enrolment certificate", zh: "医保参保凭证" },
        issuedBy: "medical-security",
      },
    ],
  },
  "business-startup": {
    code: "business-startup",
    version: 1,
    title: { en: "Start a business", zh: "企业开办“一件事”" },
    summary: {
      en: "Register a company, its tax and social insurance accounts and its seal in one application.",
      zh: "一次申请，办理营业执照、税务登记、社保开户和公章刻制。",
    },
    evidence: [
      {
        recordType: "identity",
        department: "public-security",
        purpose: { en: "Confirm the legal representative's identity", zh: "核实法定代表人身份" },
      },
      {
        recordType: "tax-clearance",
        department: "taxation",
        purpose: { en: "Confirm the representative has no tax arrears", zh: "核实法定代表人无欠税" },
      },
      {
        recordType: "business-registration",
        department: "market-regulation",
        purpose: { en: "Check the companies you already represent", zh: "核查您已担任法定代表人的企业" },
        optional: true,
      },
    ],
    citizenFields: [
      { name: "companyName", label: { en: "Company name", zh: "企业名称" }, kind: "text", required: true },
      {
        name: "registeredCapitalYuan",
        label: { en: "Registered capital (yuan)", zh: "注册资本（元）" },
        kind: "number",
        required: true,
      },
      { name: "businessScope", label: { en: "Business scope", zh: "经营范围" }, kind: "text", required: true },
      { name: "address", label: { en: "Registered address", zh: "住所" }, kind: "text", required: true },
    ],
    eligibility: [
      {
        kind: "equals",
        recordType: "tax-clearance",
        field: "status",
        value: "clear",
        message: { en: "The representative has tax arrears to settle first.", zh: "法定代表人存在欠税，请先结清。" },
      },
      {
        kind: "min-age",
        years: { F: 18, M: 18 },
        message: { en: "The representative must be at least 18.", zh: "法定代表人须年满18周岁。" },
      },
    ],
    steps: [
      {
        key: "business-registration",
        office: "market-regulation",
        title: { en: "Business licence", zh: "营业执照" },
        after: [],
        sees: {
          // The licence names the representative; the companies she already represents (and whether any was revoked) bear on it.
          records: {
            identity: ["nationalId", "fullName", "birthDate"],
            "business-registration": ["creditCode", "name", "status", "establishedOn"],
          },
          typed: ["companyName", "registeredCapitalYuan", "businessScope", "address"],
        },
        deadlineWorkingDays: 1,
        escalateAfterWorkingDays: 1,
      },
      {
        key: "tax-registration",
        office: "taxation",
        title: { en: "Tax registration", zh: "税务登记" },
        after: [],
        sees: {
          // Tax registration needs the scope (which taxes) and the address (which tax office), not the capital.
          records: {
            identity: ["nationalId", "fullName"],
            "tax-clearance": ["certificateNo", "status", "outstandingAmountYuan", "asOf"],
          },
          typed: ["companyName", "businessScope", "address"],
        },
        deadlineWorkingDays: 1,
        escalateAfterWorkingDays: 1,
      },
      {
        key: "social-insurance-account",
        office: "human-resources",
        title: { en: "Social insurance account", zh: "社保开户" },
        after: [],
        sees: {
          records: { identity: ["nationalId", "fullName"] },
          typed: ["companyName", "address"],
        },
        deadlineWorkingDays: 1,
        escalateAfterWorkingDays: 1,
      },
      {
        key: "company-seal",
        office: "public-security",
        title: { en: "Company seal", zh: "公章刻制备案" },
        after: ["business-registration", "tax-registration", "social-insurance-account"],
        sees: {
          // The seal bears the company's name; the filing names who ordered it.
          records: { identity: ["nationalId", "fullName"] },
          typed: ["companyName"],
        },
        deadlineWorkingDays: 1,
        escalateAfterWorkingDays: 1,
      },
    ],
    outcomes: [
      {
        key: "business-licence",
        title: { en: "Electronic business licence", zh: "电子营业执照" },
        issuedBy: "market-regulation",
      },
      { key: "seal-record", title: { en: "Seal filing record", zh: "印章备案回执" }, issuedBy: "public-security" },
    ],
  },
  "property-transfer": {
    code: "property-transfer",
    version: 1,
    title: { en: "Transfer a property", zh: "二手房转移登记“一件事”" },
    summary: {
      en: "Registry check, taxes and the new owner's registration of a home in one application.",
      zh: "一次申请，办理产权核验、缴税和转移登记。",
    },
    evidence: [
      {
        recordType: "identity",
        department: "public-security",
        purpose: { en: "Confirm the seller's identity", zh: "核实出卖人身份" },
      },
      {
        recordType: "property",
        department: "natural-resources",
        purpose: { en: "Confirm you own the property and whether it is mortgaged", zh: "核实产权及抵押情况" },
      },
      {
        recordType: "tax-clearance",
        department: "taxation",
        purpose: { en: "Confirm taxes on the property are settled", zh: "核实相关税费已结清" },
      },
      {
        recordType: "marriage",
        department: "civil-affairs",
        purpose: { en: "Confirm whether a spouse co-owns the property", zh: "核实房屋是否为夫妻共有" },
      },
    ],
    citizenFields: [
      {
        name: "buyerNationalId",
        label: { en: "Buyer's identity number", zh: "买受人身份证号" },
        kind: "national-id",
        required: true,
      },
      { name: "priceYuan", label: { en: "Sale price (yuan)", zh: "成交价格（元）" }, kind: "number", required: true },
    ],
    eligibility: [
      {
        kind: "equals",
        recordType: "property",
        field: "encumbered",
        value: false,
        message: {
          en: "The property is mortgaged: the mortgage must be released first.",
          zh: "房屋存在抵押，须先办理抵押注销。",
        },
      },
      {
        kind: "equals",
        recordType: "tax-clearance",
        field: "status",
        value: "clear",
        message: { en: "There are taxes to settle first.", zh: "存在未结清税费。" },
      },
    ],
    steps: [
      {
        key: "registry-check",
        office: "natural-resources",
        title: { en: "Registry check", zh: "产权核验" },
        after: [],
        sees: {
          // The seller's title, its encumbrance and whether a spouse co-owns it; the buyer and the price are not the registry's check.
          records: {
            identity: ["nationalId", "fullName"],
            property: [
              "certificateNo",
              "address",
              "region",
              "areaSquareMetres",
              "ownerNationalIds",
              "registeredOn",
              "encumbered",
            ],
            marriage: ["partyNationalIds", "status"],
          },
          typed: [],
        },
        deadlineWorkingDays: 2,
        escalateAfterWorkingDays: 1,
      },
      {
        key: "tax-assessment",
        office: "taxation",
        title: { en: "Tax assessment", zh: "税费核定" },
        after: [],
        sees: {
          // The seller's taxes depend on the price, the area and how long the home was held (registeredOn).
          records: {
            property: ["certificateNo", "address", "region", "areaSquareMetres", "registeredOn"],
            "tax-clearance": ["certificateNo", "taxpayerId", "taxpayerName", "status", "outstandingAmountYuan", "asOf"],
          },
          typed: ["priceYuan"],
        },
        deadlineWorkingDays: 2,
        escalateAfterWorkingDays: 1,
      },
      {
        key: "deed-tax",
        office: "taxation",
        title: { en: "Deed tax", zh: "契税缴纳" },
        after: ["registry-check", "tax-assessment"],
        sees: {
          // Deed tax is the buyer's, on the price and the area.
          records: {
            property: ["certificateNo", "address", "areaSquareMetres"],
            "tax-clearance": ["certificateNo", "status"],
          },
          typed: ["buyerNationalId", "priceYuan"],
        },
        deadlineWorkingDays: 2,
        escalateAfterWorkingDays: 1,
      },
      {
        key: "transfer-registration",
        office: "natural-resources",
        title: { en: "Transfer registration", zh: "转移登记" },
        after: ["deed-tax"],
        sees: {
          // Moves the title from the seller (and a co-owning spouse) to the buyer.
          records: {
            identity: ["nationalId", "fullName"],
            property: ["certificateNo", "address", "region", "areaSquareMetres", "ownerNationalIds", "encumbered"],
            marriage: ["partyNationalIds", "status"],
          },
          typed: ["buyerNationalId"],
        },
        deadlineWorkingDays: 5,
        escalateAfterWorkingDays: 2,
      },
    ],
    outcomes: [
      {
        key: "property-certificate",
        title: { en: "Real estate title certificate", zh: "不动产权证书" },
        issuedBy: "natural-resources",
      },
    ],
  },
  "school-enrolment": {
    code: "school-enrolment",
    // 2: asks which child (the application's subject: one open application per child).
    version: 2,
    title: { en: "Enrol a child in school", zh: "义务教育入学“一件事”" },
    summary: {
      en: "Primary school enrolment with household, home, insurance and vaccination checked for you.",
      zh: "一次申请，户籍、房产、社保和预防接种信息自动核验，办理小学入学。",
    },
    evidence: [
      {
        recordType: "household",
        department: "public-security",
        purpose: {
          en: "Confirm the child's household registration in the school district",
          zh: "核实学生户籍所在学区",
        },
      },
      {
        recordType: "property",
        department: "natural-resources",
        purpose: { en: "Confirm the family home in the school district", zh: "核实学区内住房" },
      },
      {
        recordType: "social-insurance",
        department: "human-resources",
        purpose: { en: "Confirm the parent's social insurance contributions", zh: "核实家长社保缴纳情况" },
      },
      {
        recordType: "vaccination",
        department: "health",
        purpose: { en: "Check the child's vaccinations are up to date", zh: "查验预防接种情况" },
      },
    ],
    citizenFields: [
      {
        name: "childName",
        label: { en: "Which child: their name as on the household register", zh: "为哪个孩子申请：户口簿上的姓名" },
        kind: "text",
        required: true,
      },
      {
        name: "preferredSchool",
        label: { en: "Preferred school (optional)", zh: "意向学校（选填）" },
        kind: "text",
        required: false,
      },
    ],
    subjectField: "childName",
    eligibility: [
      {
        kind: "min-number",
        recordType: "social-insurance",
        field: "contributionMonths",
        min: 12,
        message: {
          en: "A parent needs at least 12 months of social insurance contributions.",
          zh: "家长社保须连续缴纳满12个月。",
        },
      },
    ],
    steps: [
      {
        key: "placement",
        office: "education",
        title: { en: "School placement", zh: "学位分配" },
        after: [],
        sees: {
          // Residence in the district, the parent's home and contributions there, the child's vaccinations; not the employer or the dates of birth.
          records: {
            household: ["region", "address", "members"],
            property: ["address", "region", "ownerNationalIds"],
            "social-insurance": ["fullName", "firstMonth", "lastMonth", "contributionMonths"],
            vaccination: ["doses", "upToDate"],
          },
          typed: ["childName", "preferredSchool"],
        },
        deadlineWorkingDays: 15,
        escalateAfterWorkingDays: 5,
      },
    ],
    outcomes: [{ key: "enrolment-notice", title: { en: "Enrolment notice", zh: "入学通知书" }, issuedBy: "education" }],
  },
  retirement: {
    code: "retirement",
    version: 1,
    title: { en: "Retire", zh: "退休“一件事”" },
    summary: {
      en: "Pension approval and the change of your medical insurance in one application.",
      zh: "一次申请，办理养老金核定和医保待遇变更。",
    },
    evidence: [
      { recordType: "identity", department: "public-security", purpose: { en: "Confirm your age", zh: "核实年龄" } },
      {
        recordType: "social-insurance",
        department: "human-resources",
        purpose: { en: "Count your contribution years for the pension", zh: "核定养老保险缴费年限" },
      },
      {
        recordType: "medical-insurance",
        department: "medical-security",
        purpose: { en: "Move your medical insurance to the retirees' scheme", zh: "办理退休医保待遇" },
      },
    ],
    citizenFields: [
      {
        name: "bankAccount",
        label: { en: "Bank account for the pension", zh: "养老金发放账户" },
        kind: "text",
        required: true,
      },
    ],
    eligibility: [
      {
        kind: "min-age",
        years: { F: 55, M: 60 },
        message: { en: "You have not reached the retirement age yet.", zh: "尚未达到法定退休年龄。" },
      },
      {
        kind: "min-number",
        recordType: "social-insurance",
        field: "contributionMonths",
        min: 180,
        message: { en: "A pension needs at least 15 years of contributions.", zh: "养老保险累计缴费须满15年。" },
      },
    ],
    steps: [
      {
        key: "pension-approval",
        office: "human-resources",
        title: { en: "Pension approval", zh: "养老金核定" },
        after: [],
        sees: {
          // The retirement age depends on sex and birth date; the pension on the contribution record; it is paid into the typed account.
          records: {
            identity: ["nationalId", "fullName", "sex", "birthDate"],
            "social-insurance": [
              "nationalId",
              "fullName",
              "birthDate",
              "employerName",
              "firstMonth",
              "lastMonth",
              "contributionMonths",
            ],
          },
          typed: ["bankAccount"],
        },
        deadlineWorkingDays: 20,
        escalateAfterWorkingDays: 5,
      },
      {
        key: "medical-insurance-change",
        office: "medical-security",
        title: { en: "Medical insurance change", zh: "医保待遇变更" },
        after: [],
        sees: {
          // Moves the scheme to the retirees' one: age and insurance standing only. The pension's bank account is none of its business.
          records: {
            identity: ["nationalId", "fullName", "sex", "birthDate"],
            "medical-insurance": ["nationalId", "fullName", "scheme", "status", "enrolledOn"],
          },
          typed: [],
        },
        deadlineWorkingDays: 10,
        escalateAfterWorkingDays: 3,
      },
    ],
    outcomes: [
      {
        key: "pension-certificate",
        title: { en: "Pension approval notice", zh: "养老金核定通知" },
        issuedBy: "human-resources",
      },
    ],
  },
  "child-medical-insurance": {
    code: "child-medical-insurance",
    version: 1,
    title: { en: "Enrol your child in resident medical insurance", zh: "少儿城乡居民医保参保" },
    summary: {
      en: "A parent enrols her child under 18 in the resident medical insurance; the child's identity and household registration are checked for you.",
      zh: "家长为未满十八周岁的子女办理城乡居民医保参保登记，子女的身份和户籍信息自动核验。",
    },
    forMinors: true,
    evidence: [
      {
        recordType: "identity",
        department: "public-security",
        purpose: { en: "Confirm the child's identity and age", zh: "核实参保子女的身份和年龄" },
      },
      {
        recordType: "household",
        department: "public-security",
        purpose: { en: "Confirm the child's household registration", zh: "核实参保子女的户籍" },
      },
    ],
    citizenFields: [],
    eligibility: [],
    steps: [
      {
        key: "resident-enrolment",
        office: "medical-security",
        title: { en: "Resident medical insurance enrolment", zh: "居民医保参保登记" },
        after: [],
        sees: {
          // Who the child is and where she is registered: the scheme is the household's region's.
          records: { identity: ["nationalId", "fullName", "sex", "birthDate"], household: ["region", "address"] },
          typed: [],
        },
        deadlineWorkingDays: 5,
        escalateAfterWorkingDays: 2,
      },
    ],
    outcomes: [
      {
        key: "insurance-enrolment",
        title: { en: "Resident medical insurance enrolment certificate", zh: "城乡居民医保参保凭证" },
        issuedBy: "medical-security",
      },
    ],
  },
} as const satisfies Record<string, ServiceDefinition>;

export type ServiceCode = keyof typeof SERVICES;

export function findService(code: string): ServiceDefinition | undefined {
  return Object.hasOwn(SERVICES, code) ? SERVICES[code as ServiceCode] : undefined;
}

const NOTHING: StepGrant = { records: {}, typed: [] };

/** What the service grants the office deciding `stepKey`; nothing for an unknown service or step. */
export function stepGrant(serviceCode: string, stepKey: string): StepGrant {
  return findService(serviceCode)?.steps.find((s) => s.key === stepKey)?.sees ?? NOTHING;
}
