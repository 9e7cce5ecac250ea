import { XMLParser } from "fast-xml-parser";
import { taxClearanceSchema, type EvidenceRecord } from "@visit-once/workflows/contracts";
import type { DepartmentConnection } from "../../env";
import { expectRecordStatus, invalidData, notFound, parseNative, provenance, requestDepartment } from "../http";
import { mapClearance } from "./mapper";
import { nativeClearanceSchema } from "./schema";

const DEPT = "taxation";
// Values stay strings: identity numbers and amounts must not be read as numbers.
const parser = new XMLParser({ parseTagValue: false, ignoreAttributes: true, trimValues: true });

/** The person's tax clearance certificate, issued on the day of the request. */
export async function fetchTaxClearance(conn: DepartmentConnection, nationalId: string): Promise<EvidenceRecord> {
  const res = await requestDepartment(DEPT, `${conn.url}/etax/clearance?nsrsbh=${encodeURIComponent(nationalId)}`, {
    authorization: `Token ${conn.key}`,
  });
  expectRecordStatus(DEPT, res, "tax clearance");
  let doc: { TaxClearance?: { Head?: { Code?: unknown } } };
  try {
    doc = parser.parse(res.body, true) as typeof doc;
  } catch (e) {
    throw invalidData(DEPT, `malformed XML (${(e as Error).message})`);
  }
  if (doc.TaxClearance?.Head?.Code === "404") throw notFound(DEPT, "tax clearance");
  const native = parseNative(DEPT, nativeClearanceSchema, doc).TaxClearance.Body;
  if (native.NSRSBH !== nationalId)
    throw invalidData(DEPT, `the certificate is for another taxpayer (${native.NSRSBH})`);
  const data = parseNative(DEPT, taxClearanceSchema, mapClearance(native));
  return { recordType: "tax-clearance", data, provenance: provenance(DEPT, native.ZMBH, res.body) };
}
