import { parse } from "csv-parse/sync";
import { propertyRecordSchema, type EvidenceRecord } from "@visit-once/workflows/contracts";
import type { DepartmentConnection } from "../../env";
import { expectRecordStatus, invalidData, notFound, parseNative, provenance, requestDepartment } from "../http";
import { chineseDateToIso, mapProperty, splitOwnerIds } from "./mapper";
import { nativePropertyRowSchema } from "./schema";

const DEPT = "natural-resources";
const USER = "visit-once";

/** The person's most recently registered property. */
export async function fetchProperty(conn: DepartmentConnection, nationalId: string): Promise<EvidenceRecord> {
  const res = await requestDepartment(DEPT, `${conn.url}/bdc/qlr?zjh=${encodeURIComponent(nationalId)}`, {
    authorization: `Basic ${Buffer.from(`${USER}:${conn.key}`).toString("base64")}`,
  });
  expectRecordStatus(DEPT, res, "property");
  let records: unknown[];
  try {
    records = parse(res.body, {
      columns: true,
      delimiter: ";",
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as unknown[];
  } catch (e) {
    throw invalidData(DEPT, `malformed CSV (${(e as Error).message})`);
  }
  const rows = records.map((r) => parseNative(DEPT, nativePropertyRowSchema, r));
  if (rows.length === 0) throw notFound(DEPT, "property");
  const foreign = rows.find((r) => !splitOwnerIds(r.QLR_ZJH).includes(nationalId));
  if (foreign) throw invalidData(DEPT, `property ${foreign.BDCQZH} does not list the person as an owner`);
  const latest = rows.reduce((a, b) => (chineseDateToIso(b.DJSJ) > chineseDateToIso(a.DJSJ) ? b : a));
  const data = parseNative(DEPT, propertyRecordSchema, mapProperty(latest));
  return { recordType: "property", data, provenance: provenance(DEPT, latest.BDCQZH, res.body) };
}
