import { z } from "zod";
import { DEPARTMENT_CODES } from "./departments";

/** ISO calendar date, the one date format of the data standard. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");
const nationalId = z.string().regex(/^\d{17}[\dX]$/, "expected an 18-character national identity number");

export const identityRecordSchema = z.object({
  nationalId,
  fullName: z.string().min(1),
  sex: z.enum(["F", "M"]),
  birthDate: isoDate,
  /** GB/T 2260 six-digit administrative region code of the household registration. */
  householdRegion: z.string().regex(/^\d{6}$/),
  householdAddress: z.string().min(1),
});

export const birthCertificateSchema = z.object({
  certificateNo: z.string().min(1),
  childName: z.string().min(1),
  childSex: z.enum(["F", "M"]),
  birthDate: isoDate,
  birthPlace: z.string().min(1),
  motherNationalId: nationalId,
  fatherNationalId: nationalId.nullable(),
});

export const marriageRecordSchema = z.object({
  registrationNo: z.string().min(1),
  partyNationalIds: z.tuple([nationalId, nationalId]),
  registeredOn: isoDate,
  status: z.enum(["married", "divorced"]),
});

export const RECORD_TYPES = {
  identity: { department: "public-security", schema: identityRecordSchema },
  "birth-certificate": { department: "health", schema: birthCertificateSchema },
  marriage: { department: "civil-affairs", schema: marriageRecordSchema },
} as const;

export type RecordType = keyof typeof RECORD_TYPES;
export const RECORD_TYPE_CODES = Object.keys(RECORD_TYPES) as RecordType[];

export const provenanceSchema = z.object({
  departmentCode: z.enum(DEPARTMENT_CODES as [string, ...string[]]),
  sourceRecordId: z.string().min(1),
  retrievedAt: z.string().datetime(),
  /** SHA-256 of the department's raw response, so the record can be traced to what was sent. */
  rawSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Provenance = z.infer<typeof provenanceSchema>;

export interface EvidenceRecord {
  recordType: RecordType;
  data: Record<string, unknown>;
  provenance: Provenance;
}
