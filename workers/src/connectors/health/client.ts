import { XMLParser } from "fast-xml-parser";
import { birthCertificateSchema, type EvidenceRecord } from "@visit-once/workflows/contracts";
import type { DepartmentConnection } from "../../env";
import { invalidData, notFound, parseNative, provenance, requestDepartment } from "../http";
import { mapCertificate } from "./mapper";
import { nativeCertificateSchema } from "./schema";

const DEPT = "health";
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseAttributeValue: false,
  isArray: (name) => name === "Certificate",
});

/** The most recent birth for which the person is named as a parent. */
export async function fetchBirthCertificate(conn: DepartmentConnection, nationalId: string): Promise<EvidenceRecord> {
  const res = await requestDepartment(DEPT, `${conn.url}/mbc/certificates?parentId=${encodeURIComponent(nationalId)}`, {
    authorization: `ApiKey ${conn.key}`,
  });
  if (res.status !== 200) throw invalidData(DEPT, `HTTP ${res.status}`);
  let doc: { BirthMedicalCertificates?: { Certificate?: unknown[] } };
  try {
    doc = parser.parse(res.body, true) as typeof doc;
  } catch (e) {
    throw invalidData(DEPT, `malformed XML (${(e as Error).message})`);
  }
  const certificates = (doc.BirthMedicalCertificates?.Certificate ?? []).map((c) => parseNative(DEPT, nativeCertificateSchema, c));
  if (certificates.length === 0) throw notFound(DEPT, "medical birth certificate");
  const latest = certificates.reduce((a, b) => (Date.parse(b.Newborn["@_birthTime"]) > Date.parse(a.Newborn["@_birthTime"]) ? b : a));
  const data = parseNative(DEPT, birthCertificateSchema, mapCertificate(latest));
  return { recordType: "birth-certificate", data, provenance: provenance(DEPT, latest["@_serial"], res.body) };
}
