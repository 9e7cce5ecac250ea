import type { DepartmentCode } from "./departments";
import type { RecordType } from "./records";

export interface EvidenceRequirement {
  recordType: RecordType;
  department: DepartmentCode;
  purpose: { en: string; zh: string };
}

export interface ServiceDefinition {
  code: string;
  version: number;
  title: { en: string; zh: string };
  summary: { en: string; zh: string };
  evidence: EvidenceRequirement[];
}

export const SERVICES = {
  "newborn-registration": {
    code: "newborn-registration",
    version: 1,
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
        purpose: { en: "Confirm the birth from the hospital's medical birth certificate", zh: "依据医院出具的出生医学证明核实出生信息" },
      },
      {
        recordType: "marriage",
        department: "civil-affairs",
        purpose: { en: "Confirm the parents' marriage for the household registration", zh: "核实父母婚姻状况以办理落户" },
      },
      {
        recordType: "medical-insurance",
        department: "medical-security",
        purpose: { en: "Enrol the baby in medical insurance alongside you", zh: "为新生儿办理医保参保" },
      },
    ],
  },
} as const satisfies Record<string, ServiceDefinition>;

export type ServiceCode = keyof typeof SERVICES;

export function findService(code: string): ServiceDefinition | undefined {
  return Object.hasOwn(SERVICES, code) ? SERVICES[code as ServiceCode] : undefined;
}
