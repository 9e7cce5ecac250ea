import { z } from "zod";
import { DEPARTMENT_CODES } from "./departments";

// The data standard: one canonical shape per record type, whatever the department's own
// format. Dates are ISO calendar dates, sex is F/M, regions are GB/T 2260 codes. Each
// record type carries a schema version; a breaking change adds a new version.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");
const isoMonth = z.string().regex(/^\d{4}-\d{2}$/, "expected a month as YYYY-MM");
const nationalId = z.string().regex(/^\d{17}[\dX]$/, "expected an 18-character national identity number");
const region = z.string().regex(/^\d{6}$/, "expected a six-digit GB/T 2260 region code");
const sex = z.enum(["F", "M"]);

export const identityRecordSchema = z.object({
  nationalId,
  fullName: z.string().min(1),
  sex,
  birthDate: isoDate,
  /** GB/T 2260 six-digit administrative region code of the household registration. */
  householdRegion: region,
  householdAddress: z.string().min(1),
});

export const householdRecordSchema = z.object({
  householdNo: z.string().min(1),
  region,
  address: z.string().min(1),
  headNationalId: nationalId,
  members: z.array(z.object({ nationalId, fullName: z.string().min(1), relationToHead: z.string().min(1) })).min(1),
});

export const birthCertificateSchema = z.object({
  certificateNo: z.string().min(1),
  childName: z.string().min(1),
  childSex: sex,
  birthDate: isoDate,
  birthPlace: z.string().min(1),
  motherNationalId: nationalId,
  fatherNationalId: nationalId.nullable(),
});

export const vaccinationRecordSchema = z.object({
  personNationalId: nationalId.nullable(),
  birthCertificateNo: z.string().min(1).nullable(),
  doses: z.array(z.object({ vaccine: z.string().min(1), doseNo: z.number().int().min(1), date: isoDate })),
  upToDate: z.boolean(),
});

export const marriageRecordSchema = z.object({
  registrationNo: z.string().min(1),
  partyNationalIds: z.tuple([nationalId, nationalId]),
  registeredOn: isoDate,
  status: z.enum(["married", "divorced"]),
});

export const socialInsuranceRecordSchema = z.object({
  nationalId,
  fullName: z.string().min(1),
  birthDate: isoDate,
  employerName: z.string().min(1).nullable(),
  firstMonth: isoMonth,
  lastMonth: isoMonth,
  contributionMonths: z.number().int().min(0),
});

export const taxClearanceSchema = z.object({
  certificateNo: z.string().min(1),
  taxpayerId: z.string().min(1),
  taxpayerName: z.string().min(1),
  status: z.enum(["clear", "outstanding"]),
  outstandingAmountYuan: z.number().min(0),
  asOf: isoDate,
});

export const propertyRecordSchema = z.object({
  certificateNo: z.string().min(1),
  address: z.string().min(1),
  region,
  areaSquareMetres: z.number().positive(),
  ownerNationalIds: z.array(nationalId).min(1),
  registeredOn: isoDate,
  encumbered: z.boolean(),
});

export const businessRegistrationSchema = z.object({
  /** GB 32100 unified social credit code. */
  creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, "expected an 18-character unified social credit code"),
  name: z.string().min(1),
  legalRepresentativeNationalId: nationalId,
  status: z.enum(["active", "revoked", "cancelled"]),
  establishedOn: isoDate,
  registeredCapitalYuan: z.number().min(0),
});

export const medicalInsuranceRecordSchema = z.object({
  nationalId,
  fullName: z.string().min(1),
  birthDate: isoDate,
  residentialAddress: z.string().min(1),
  scheme: z.enum(["urban-employee", "urban-rural-resident"]),
  status: z.enum(["active", "suspended", "terminated"]),
  enrolledOn: isoDate,
});

export const RECORD_TYPES = {
  identity: { department: "public-security", version: 1, schema: identityRecordSchema },
  household: { department: "public-security", version: 1, schema: householdRecordSchema },
  "birth-certificate": { department: "health", version: 1, schema: birthCertificateSchema },
  vaccination: { department: "health", version: 1, schema: vaccinationRecordSchema },
  marriage: { department: "civil-affairs", version: 1, schema: marriageRecordSchema },
  "social-insurance": { department: "human-resources", version: 1, schema: socialInsuranceRecordSchema },
  "tax-clearance": { department: "taxation", version: 1, schema: taxClearanceSchema },
  property: { department: "natural-resources", version: 1, schema: propertyRecordSchema },
  "business-registration": { department: "market-regulation", version: 1, schema: businessRegistrationSchema },
  "medical-insurance": { department: "medical-security", version: 1, schema: medicalInsuranceRecordSchema },
} as const;

export type RecordType = keyof typeof RECORD_TYPES;
export const RECORD_TYPE_CODES = Object.keys(RECORD_TYPES) as RecordType[];
export type CanonicalRecord<T extends RecordType> = z.infer<(typeof RECORD_TYPES)[T]["schema"]>;

export const provenanceSchema = z.object({
  departmentCode: z.enum(DEPARTMENT_CODES as [string, ...string[]]),
  sourceRecordId: z.string().min(1),
  retrievedAt: z.string().datetime(),
  /** SHA-256 of the department's raw response, so the record can be traced to what was sent. */
  rawSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Set when the record was taken from the citizen's e-certificate instead of fetched again: which one. */
  certificate: z
    .object({ verificationCode: z.string().min(1), issuedAt: z.string().datetime(), issuedBy: z.string().min(1) })
    .optional(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

export interface EvidenceRecord {
  recordType: RecordType;
  /** Version of the record type's schema the data conforms to. */
  schemaVersion?: number;
  data: Record<string, unknown>;
  provenance: Provenance;
}
