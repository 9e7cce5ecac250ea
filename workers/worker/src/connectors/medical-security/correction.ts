import type { CorrectRecordInput } from "@visit-once/workflows/contracts";
import type { DepartmentConnection } from "../../env";
import { expectCorrected, unsupported, valueOf } from "../corrections";
import { requestDepartment } from "../http";

const DEPT = "medical-security";
const APP_ID = "visit-once";
const STATES = { active: "1", suspended: "2", terminated: "0" } as const;

/** PATCH /ybj/insured/{id} with the name, the address and the insured-state code. */
export async function correctMedicalSecurity(
  conn: DepartmentConnection,
  { recordType, subjectNationalId, fields, note, correctionId }: CorrectRecordInput,
): Promise<void> {
  if (recordType !== "medical-insurance") unsupported(DEPT, recordType);
  const status = valueOf(fields, "status") as keyof typeof STATES | undefined;
  const body = {
    psn_name: valueOf(fields, "fullName"),
    addr: valueOf(fields, "residentialAddress"),
    psn_insu_stas: status ? STATES[status] : undefined,
    chg_rea: note || "参保人申请变更",
    msgid: correctionId,
  };
  const res = await requestDepartment(
    DEPT,
    `${conn.url}/ybj/insured/${encodeURIComponent(subjectNationalId)}`,
    { "x-app-id": APP_ID, "x-app-key": conn.key, "content-type": "application/json" },
    { method: "PATCH", body: JSON.stringify(body) },
  );
  expectCorrected(DEPT, res, "medical insurance record");
}
