import { socialInsuranceRecordSchema, type EvidenceRecord } from "@visit-once/workflows/contracts";
import type { DepartmentConnection } from "../../env";
import { expectRecordStatus, invalidData, notFound, parseNative, provenance, requestDepartment } from "../http";
import { aggregateContributions } from "./mapper";
import { type NativeContributionRow, nativeContributionPageSchema } from "./schema";

const DEPT = "human-resources";
const PAGE_SIZE = 100;
const MAX_PAGES = 50;

/**
 * Every month the person contributed, folded into one record: the first page says how many rows
 * there are, then the other pages are fetched at once (one after another they cost a department's
 * latency each: a retiree's four pages took four times as long as one).
 */
export async function fetchSocialInsurance(conn: DepartmentConnection, nationalId: string): Promise<EvidenceRecord> {
  const fetchPage = async (pageNo: number) => {
    const res = await requestDepartment(
      DEPT,
      `${conn.url}/si/api/v1/contributions?aac002=${encodeURIComponent(nationalId)}&pageNo=${pageNo}&pageSize=${PAGE_SIZE}`,
      { "x-hrss-appkey": conn.key },
    );
    expectRecordStatus(DEPT, res, "social insurance contributions");
    return { raw: res.body, page: parseNative(DEPT, nativeContributionPageSchema, parseJson(res.body)) };
  };
  const first = await fetchPage(1);
  const total = first.page.total;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pageCount > MAX_PAGES) throw invalidData(DEPT, `more than ${MAX_PAGES} pages of contributions`);
  const rest = await Promise.all(Array.from({ length: pageCount - 1 }, (_, i) => fetchPage(i + 2)));
  const rows: NativeContributionRow[] = [];
  const raws: string[] = [];
  for (const [i, { raw, page }] of [first, ...rest].entries()) {
    if (page.rows.length === 0 && rows.length < total)
      throw invalidData(DEPT, `page ${i + 1} is empty after ${rows.length} of ${total} rows`);
    raws.push(raw);
    rows.push(...page.rows);
  }
  if (rows.length < total) throw invalidData(DEPT, `${rows.length} of ${total} rows came back in ${pageCount} pages`);
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
