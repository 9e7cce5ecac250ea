import { householdRecordSchema, identityRecordSchema, type EvidenceRecord } from "@visit-once/workflows/contracts";
import type { DepartmentConnection } from "../../env";
import { expectRecordStatus, jsonBody, parseNative, provenance, requestDepartment } from "../http";
import { mapHousehold, mapPerson } from "./mapper";
import { nativeHouseholdSchema, nativePersonSchema } from "./schema";

const DEPT = "public-security";

export async function fetchIdentity(conn: DepartmentConnection, nationalId: string): Promise<EvidenceRecord> {
  const res = await requestDepartment(DEPT, `${conn.url}/rkxx/v1/persons/${encodeURIComponent(nationalId)}`, {
    "x-psb-key": conn.key,
  });
  expectRecordStatus(DEPT, res, "identity record");
  const native = parseNative(DEPT, nativePersonSchema, jsonBody(res)).data;
  const data = parseNative(DEPT, identityRecordSchema, mapPerson(native));
  return { recordType: "identity", schemaVersion: 1, data, provenance: provenance(DEPT, native.rybh, res.body) };
}

export async function fetchHousehold(conn: DepartmentConnection, nationalId: string): Promise<EvidenceRecord> {
  const res = await requestDepartment(DEPT, `${conn.url}/rkxx/v1/households?sfzh=${encodeURIComponent(nationalId)}`, {
    "x-psb-key": conn.key,
  });
  expectRecordStatus(DEPT, res, "household registration");
  const native = parseNative(DEPT, nativeHouseholdSchema, jsonBody(res)).data;
  const data = parseNative(DEPT, householdRecordSchema, mapHousehold(native));
  return { recordType: "household", schemaVersion: 1, data, provenance: provenance(DEPT, native.hh, res.body) };
}
