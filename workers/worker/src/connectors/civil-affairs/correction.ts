import type { CorrectRecordInput } from "@visit-once/workflows/contracts";
import type { DepartmentConnection } from "../../env";
import { expectCorrected, unsupported, valueOf } from "../corrections";
import { requestDepartment } from "../http";

const DEPT = "civil-affairs";
const CODES = { married: "20", divorced: "40" } as const;
const csvSafe = (v: string) => v.replace(/[,\r\n]/g, " ");

/** POST /hygl/marriages/corrections.csv?sfzh= with one row: the registration and its GB/T 2261.2 status code. */
export async function correctCivilAffairs(
  conn: DepartmentConnection,
  { recordType, subjectNationalId, record, fields, note, correctionId }: CorrectRecordInput,
): Promise<void> {
  if (recordType !== "marriage") unsupported(DEPT, recordType);
  const status = valueOf(fields, "status") as keyof typeof CODES;
  const body =
    [
      "DJZH,HYZK,GZYY,LSH",
      [String(record.data.registrationNo), CODES[status], csvSafe(note || "当事人申请更正"), correctionId].join(","),
    ].join("\n") + "\n";
  const res = await requestDepartment(
    DEPT,
    `${conn.url}/hygl/marriages/corrections.csv?sfzh=${encodeURIComponent(subjectNationalId)}`,
    { authorization: `Bearer ${conn.key}`, "content-type": "text/csv" },
    { method: "POST", body },
  );
  expectCorrected(DEPT, res, "marriage registration");
}
