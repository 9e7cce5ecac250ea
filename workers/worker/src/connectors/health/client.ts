import { XMLParser } from "fast-xml-parser";
import {
  type BirthCertificate,
  birthCertificateSchema,
  vaccinationRecordSchema,
  type EvidenceRecord,
} from "@visit-once/workflows/contracts";
import type { DepartmentConnection } from "../../env";
import { expectRecordStatus, invalidData, notFound, parseNative, provenance, requestDepartment } from "../http";
import { mapCertificate, mapImmunisation } from "./mapper";
import { nativeCertificateSchema, nativeImmunisationChildSchema } from "./schema";

const DEPT = "health";
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseAttributeValue: false,
  isArray: (name) => name === "Certificate" || name === "Child" || name === "Dose",
});

/** GETs a path of the Health Commission's system and parses the XML it answers. */
async function getXml<T>(conn: DepartmentConnection, pathAndQuery: string): Promise<{ doc: T; raw: string }> {
  const res = await requestDepartment(DEPT, `${conn.url}${pathAndQuery}`, { authorization: `ApiKey ${conn.key}` });
  expectRecordStatus(DEPT, res);
  try {
    return { doc: parser.parse(res.body, true) as T, raw: res.body };
  } catch (e) {
    throw invalidData(DEPT, `malformed XML (${(e as Error).message})`);
  }
}

async function fetchNativeCertificates(conn: DepartmentConnection, nationalId: string) {
  const { doc, raw } = await getXml<{ BirthMedicalCertificates?: { Certificate?: unknown[] } }>(
    conn,
    `/mbc/certificates?parentId=${encodeURIComponent(nationalId)}`,
  );
  return {
    raw,
    certificates: (doc.BirthMedicalCertificates?.Certificate ?? []).map((c) =>
      parseNative(DEPT, nativeCertificateSchema, c),
    ),
  };
}

/** Every birth for which the person is named as a parent (none: an empty list), in the data standard. */
export async function listBirthCertificates(
  conn: DepartmentConnection,
  nationalId: string,
): Promise<BirthCertificate[]> {
  const { certificates } = await fetchNativeCertificates(conn, nationalId);
  return certificates.map((c) => parseNative(DEPT, birthCertificateSchema, mapCertificate(c)));
}

/** The most recent birth for which the person is named as a parent. */
export async function fetchBirthCertificate(conn: DepartmentConnection, nationalId: string): Promise<EvidenceRecord> {
  const { certificates, raw } = await fetchNativeCertificates(conn, nationalId);
  if (certificates.length === 0) throw notFound(DEPT, "medical birth certificate");
  const latest = certificates.reduce((a, b) =>
    Date.parse(b.Newborn["@_birthTime"]) > Date.parse(a.Newborn["@_birthTime"]) ? b : a,
  );
  const data = parseNative(DEPT, birthCertificateSchema, mapCertificate(latest));
  return {
    recordType: "birth-certificate",
    schemaVersion: 1,
    data,
    provenance: provenance(DEPT, latest["@_serial"], raw),
  };
}

/**
 * The immunisation history of the guardian's school-age child (the oldest child with an
 * identity number), or else of the youngest child.
 */
export async function fetchVaccination(conn: DepartmentConnection, nationalId: string): Promise<EvidenceRecord> {
  const { doc, raw } = await getXml<{ ImmunizationRecords?: { Child?: unknown[] } }>(
    conn,
    `/imm/records?guardianId=${encodeURIComponent(nationalId)}`,
  );
  const children = (doc.ImmunizationRecords?.Child ?? []).map((c) =>
    parseNative(DEPT, nativeImmunisationChildSchema, c),
  );
  if (children.length === 0) throw notFound(DEPT, "vaccination record");
  const byAge = [...children].sort((a, b) => a["@_birthDate"].localeCompare(b["@_birthDate"]));
  const child = byAge.find((c) => c["@_idNumber"]) ?? byAge[byAge.length - 1]!;
  const data = parseNative(DEPT, vaccinationRecordSchema, mapImmunisation(child, new Date()));
  return {
    recordType: "vaccination",
    schemaVersion: 1,
    data,
    provenance: provenance(DEPT, child["@_certificate"], raw),
  };
}
