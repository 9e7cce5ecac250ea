import { medicalInsuranceRecordSchema, type EvidenceRecord } from "@visit-once/workflows/contracts";
import type { DepartmentConnection } from "../../env";
import { invalidData, notFound, parseNative, provenance, requestDepartment, jsonBody } from "../http";
import { mapInsured } from "./mapper";
import { nativeInsuredSchema } from "./schema";

const DEPT = "medical-security";
const APP_ID = "visit-once";

export async function fetchMedicalInsurance(conn: DepartmentConnection, nationalId: string): Promise<EvidenceRecord> {
  const res = await requestDepartment(DEPT, `${conn.url}/ybj/insured/${encodeURIComponent(nationalId)}`, {
    "x-app-id": APP_ID,
    "x-app-key": conn.key,
  });
  if (res.status === 404) throw notFound(DEPT, "medical insurance enrolment");
  if (res.status !== 200) throw invalidData(DEPT, `HTTP ${res.status}`);
  const body = jsonBody(res);
  const native = parseNative(DEPT, nativeInsuredSchema, body);
  if (native.certno !== nationalId) throw invalidData(DEPT, `the record is for another person (${native.certno})`);
  const data = parseNative(DEPT, medicalInsuranceRecordSchema, mapInsured(native));
  return { recordType: "medical-insurance", data, provenance: provenance(DEPT, native.psn_no, res.body) };
}
