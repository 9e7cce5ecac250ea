import type { CorrectRecordInput } from "@visit-once/workflows/contracts";
import type { DepartmentConnection } from "../../env";
import { expectCorrected, unsupported, valueOf } from "../corrections";
import { requestDepartment } from "../http";

const DEPT = "human-resources";

/** POST /si/api/v1/corrections with the social insurance dictionary's codes. */
export async function correctHumanResources(
  conn: DepartmentConnection,
  { recordType, subjectNationalId, fields, note, correctionId }: CorrectRecordInput,
): Promise<void> {
  if (recordType !== "social-insurance") unsupported(DEPT, recordType);
  const body = {
    aac002: subjectNationalId,
    aac003: valueOf(fields, "fullName"),
    aab004: valueOf(fields, "employerName"),
    aae013: note || "参保人申请更正",
    ywbh: correctionId,
  };
  const res = await requestDepartment(
    DEPT,
    `${conn.url}/si/api/v1/corrections`,
    { "x-hrss-appkey": conn.key, "content-type": "application/json" },
    { method: "POST", body: JSON.stringify(body) },
  );
  expectCorrected(DEPT, res, "social insurance record");
}
