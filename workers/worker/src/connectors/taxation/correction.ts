import { XMLBuilder } from "fast-xml-parser";
import type { CorrectRecordInput } from "@visit-once/workflows/contracts";
import type { DepartmentConnection } from "../../env";
import { expectCorrected, unsupported, valueOf } from "../corrections";
import { requestDepartment } from "../http";

const DEPT = "taxation";
const builder = new XMLBuilder({ format: false });

/** POST /etax/clearance/correction with a Head/Body envelope: the arrears as a decimal string. */
export async function correctTaxation(
  conn: DepartmentConnection,
  { recordType, subjectNationalId, fields, note, correctionId }: CorrectRecordInput,
): Promise<void> {
  if (recordType !== "tax-clearance") unsupported(DEPT, recordType);
  const yuan = Number(valueOf(fields, "outstandingAmountYuan"));
  const xml = `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ TaxCorrection: { Head: { Reference: correctionId }, Body: { NSRSBH: subjectNationalId, QSJE: yuan.toFixed(2), GZYY: note || "纳税人申请更正" } } }) as string}`;
  const res = await requestDepartment(
    DEPT,
    `${conn.url}/etax/clearance/correction`,
    { authorization: `Token ${conn.key}`, "content-type": "application/xml" },
    { method: "POST", body: xml },
  );
  expectCorrected(DEPT, res, "tax clearance");
}
