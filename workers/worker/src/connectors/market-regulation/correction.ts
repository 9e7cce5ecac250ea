import type { CorrectRecordInput } from "@visit-once/workflows/contracts";
import type { DepartmentConnection } from "../../env";
import { expectCorrected, unsupported, valueOf } from "../corrections";
import { requestDepartment } from "../http";

const DEPT = "market-regulation";
const WORDS = { active: "存续", revoked: "吊销", cancelled: "注销" } as const;

/** PATCH /gsxt/v2/entities/{tyshxydm} with the status as the registry's word. */
export async function correctMarketRegulation(
  conn: DepartmentConnection,
  { recordType, subjectNationalId, record, fields, note, correctionId }: CorrectRecordInput,
): Promise<void> {
  if (recordType !== "business-registration") unsupported(DEPT, recordType);
  const status = valueOf(fields, "status") as keyof typeof WORDS;
  const body = {
    fddbr_zjhm: subjectNationalId,
    djzt: WORDS[status],
    bgyy: note || "申请人申请更正",
    ywlsh: correctionId,
  };
  const res = await requestDepartment(
    DEPT,
    `${conn.url}/gsxt/v2/entities/${encodeURIComponent(String(record.data.creditCode))}`,
    { "x-access-key": conn.key, "content-type": "application/json" },
    { method: "PATCH", body: JSON.stringify(body) },
  );
  expectCorrected(DEPT, res, "business registration");
}
