import type { CorrectRecordInput } from "@visit-once/workflows/contracts";
import type { DepartmentConnection } from "../../env";
import { expectCorrected, unsupported, valueOf } from "../corrections";
import { requestDepartment } from "../http";

const DEPT = "natural-resources";
const USER = "visit-once";
const csvSafe = (v: string) => v.replace(/[;\r\n]/g, " ");

/** POST /bdc/qlr/gz?zjh= with one `;`-separated row: the certificate, its location and mortgage state (empty: unchanged). */
export async function correctNaturalResources(
  conn: DepartmentConnection,
  { recordType, subjectNationalId, record, fields, note, correctionId }: CorrectRecordInput,
): Promise<void> {
  if (recordType !== "property") unsupported(DEPT, recordType);
  const address = valueOf(fields, "address");
  const encumbered = valueOf(fields, "encumbered");
  const row = [
    String(record.data.certificateNo),
    csvSafe(address ?? ""),
    encumbered === undefined ? "" : encumbered === "true" ? "有" : "无",
    csvSafe(note || "权利人申请更正登记"),
    correctionId,
  ];
  const body = ["BDCQZH;ZL;DYZT;GZYY;YWH", row.join(";")].join("\r\n") + "\r\n";
  const res = await requestDepartment(
    DEPT,
    `${conn.url}/bdc/qlr/gz?zjh=${encodeURIComponent(subjectNationalId)}`,
    { authorization: `Basic ${Buffer.from(`${USER}:${conn.key}`).toString("base64")}`, "content-type": "text/csv" },
    { method: "POST", body },
  );
  expectCorrected(DEPT, res, "property");
}
