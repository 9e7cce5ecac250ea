import type { CorrectRecordInput } from "@visit-once/workflows/contracts";
import type { DepartmentConnection } from "../../env";
import { expectCorrected, unsupported, valueOf } from "../corrections";
import { requestDepartment } from "../http";

const DEPT = "public-security";

/** PATCH /rkxx/v1/persons/{sfzh} (name, household address) or /rkxx/v1/households?sfzh= (the household's address). */
export async function correctPublicSecurity(
  conn: DepartmentConnection,
  { recordType, subjectNationalId, fields, note, correctionId }: CorrectRecordInput,
): Promise<void> {
  const id = encodeURIComponent(subjectNationalId);
  const base = { bgyy: note || "申请人提出异议，经核实更正", ywlsh: correctionId };
  const headers = { "x-psb-key": conn.key, "content-type": "application/json" };
  if (recordType === "identity") {
    const body = { ...base, xm: valueOf(fields, "fullName"), hjdz: valueOf(fields, "householdAddress") };
    expectCorrected(
      DEPT,
      await requestDepartment(DEPT, `${conn.url}/rkxx/v1/persons/${id}`, headers, {
        method: "PATCH",
        body: JSON.stringify(body),
      }),
      "identity record",
    );
    return;
  }
  if (recordType === "household") {
    const body = { ...base, hjdz: valueOf(fields, "address") };
    expectCorrected(
      DEPT,
      await requestDepartment(DEPT, `${conn.url}/rkxx/v1/households?sfzh=${id}`, headers, {
        method: "PATCH",
        body: JSON.stringify(body),
      }),
      "household registration",
    );
    return;
  }
  unsupported(DEPT, recordType);
}
