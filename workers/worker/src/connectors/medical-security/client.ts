import { medicalInsuranceRecordSchema, type EvidenceRecord } from "@visit-once/workflows/contracts";
import type { DepartmentConnection } from "../../env";
import { expectRecordStatus, invalidData, parseNative, provenance, requestDepartment, jsonBody } from "../http";
import { mapInsured } from "./mapper";
import { nativeInsuredSchema } from "./schema";

const DEPT = "medical-security";
const APP_ID = "visit-once";

export async function fetchMedicalInsurance(conn: DepartmentConnection, nationalId: string): Promise<EvidenceRecord> {
  const res = await requestDepartment(DEPT, `${conn.url}/ybj/insured/${encodeURIComponent(nationalId)}`, {
    "x-app-id": APP_ID,
    "x-app-key": conn.key,
  });
  expectRecordStatus(DEPT, res, "medical insurance enrolment");
  const body = jsonBody(res);
  const native = parseNative(DEPT, nativeInsuredSchema, body);
  if (native.certno !== nationalId) throw invalidData(DEPT, `the record is for another person (${native.certno})`);
  const data = parseNative(DEPT, medicalInsuranceRecordSchema, mapInsured(native));
  return { recordType: "medical-insurance", data, provenance: provenance(DEPT, native.psn_no, res.body) };
}
