import { identityRecordSchema, type EvidenceRecord } from "@visit-once/workflows/contracts";
import type { DepartmentConnection } from "../../env";
import { notFound, parseNative, provenance, requestDepartment } from "../http";
import { mapPerson } from "./mapper";
import { nativePersonSchema } from "./schema";

const DEPT = "public-security";

export async function fetchIdentity(conn: DepartmentConnection, nationalId: string): Promise<EvidenceRecord> {
  const res = await requestDepartment(DEPT, `${conn.url}/rkxx/v1/persons/${encodeURIComponent(nationalId)}`, { "x-psb-key": conn.key });
  if (res.status === 404) throw notFound(DEPT, "identity record");
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    body = undefined;
  }
  const native = parseNative(DEPT, nativePersonSchema, body).data;
  const data = parseNative(DEPT, identityRecordSchema, mapPerson(native));
  return { recordType: "identity", data, provenance: provenance(DEPT, native.rybh, res.body) };
}
