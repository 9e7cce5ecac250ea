import { socialInsuranceRecordSchema, type EvidenceRecord } from "@visit-once/workflows/contracts";
import type { DepartmentConnection } from "../../env";
import { expectRecordStatus, invalidData, notFound, parseNative, provenance, requestDepartment } from "../http";
import { aggregateContributions } from "./mapper";
import { type NativeContributionRow, nativeContributionPageSchema } from "./schema";

const DEPT = "human-resources";
const PAGE_SIZE = 100;
const MAX_PAGES = 50;

/** Pages through every month the person contributed and folds them into one record. */
export async function fetchSocialInsurance(conn: DepartmentConnection, nationalId: string): Promise<EvidenceRecord> {
  const rows: NativeContributionRow[] = [];
  const raws: string[] = [];
  for (let pageNo = 1, total = 1; rows.length < total; pageNo++) {
    if (pageNo > MAX_PAGES) throw invalidData(DEPT, `more than ${MAX_PAGES} pages of contributions`);
    const res = await requestDepartment(
      DEPT,
      `${conn.url}/si/api/v1/contributions?aac002=${encodeURIComponent(nationalId)}&pageNo=${pageNo}&pageSize=${PAGE_SIZE}`,
      { "x-hrss-appkey": conn.key },
    );
    expectRecordStatus(DEPT, res, "social insurance contributions");
    raws.push(res.body);
    const page = parseNative(DEPT, nativeContributionPageSchema, parseJson(res.body));
    total = page.total;
    if (page.rows.length === 0 && rows.length < total) throw invalidData(DEPT, `page ${pageNo} is empty after ${rows.length} of ${total} rows`);
    rows.push(...page.rows);
  }
  if (rows.length === 0) throw notFound(DEPT, "social insurance contributions");
  const other = rows.find((r) => r.aac002 !== nationalId);
  if (other) throw invalidData(DEPT, `a row for another person (${other.aac002}) came back`);
  const data = parseNative(DEPT, socialInsuranceRecordSchema, aggregateContributions(rows));
  const sourceRecordId = `${nationalId}/${data.firstMonth}..${data.lastMonth}`;
  return { recordType: "social-insurance", data, provenance: provenance(DEPT, sourceRecordId, raws.join("")) };
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
