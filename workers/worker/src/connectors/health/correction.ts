import { XMLBuilder } from "fast-xml-parser";
import type { CorrectRecordInput } from "@visit-once/workflows/contracts";
import type { DepartmentConnection } from "../../env";
import { expectCorrected, unsupported, valueOf } from "../corrections";
import { requestDepartment } from "../http";

const DEPT = "health";
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: false });

/** POST /mbc/certificates/amendments?parentId= with an <Amendment> of the certificate by its serial. */
export async function correctHealth(
  conn: DepartmentConnection,
  { recordType, subjectNationalId, record, fields, note, correctionId }: CorrectRecordInput,
): Promise<void> {
  if (recordType !== "birth-certificate") unsupported(DEPT, recordType);
  const name = valueOf(fields, "childName");
  const place = valueOf(fields, "birthPlace");
  const xml = builder.build({
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    Amendment: {
      "@_serial": String(record.data.certificateNo),
      "@_reference": correctionId,
      Newborn: { ...(name ? { "@_name": name } : {}), ...(place ? { "@_place": place } : {}) },
      Reason: note || "申请人提出异议，经核实补正",
    },
  }) as string;
  const res = await requestDepartment(
    DEPT,
    `${conn.url}/mbc/certificates/amendments?parentId=${encodeURIComponent(subjectNationalId)}`,
    { authorization: `ApiKey ${conn.key}`, "content-type": "application/xml" },
    { method: "POST", body: xml },
  );
  expectCorrected(DEPT, res, "birth certificate");
}
