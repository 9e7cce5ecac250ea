import { parse } from "csv-parse/sync";
import { marriageRecordSchema, type EvidenceRecord } from "@visit-once/workflows/contracts";
import type { DepartmentConnection } from "../../env";
import { expectRecordStatus, invalidData, notFound, parseNative, provenance, requestDepartment } from "../http";
import { mapMarriage } from "./mapper";
import { type NativeMarriageRow, nativeMarriageRowSchema } from "./schema";

const DEPT = "civil-affairs";
const MAX_PAGES = 50;

/** Reads every page of the person's marriage registrations and returns the latest one. */
export async function fetchMarriage(conn: DepartmentConnection, nationalId: string): Promise<EvidenceRecord> {
  const rows: NativeMarriageRow[] = [];
  const raws: string[] = [];
  for (let page = 1, total = 1; page <= total; page++) {
    const res = await requestDepartment(
      DEPT,
      `${conn.url}/hygl/marriages.csv?sfzh=${encodeURIComponent(nationalId)}&page=${page}`,
      {
        authorization: `Bearer ${conn.key}`,
      },
    );
    expectRecordStatus(DEPT, res);
    total = Math.min(Number(res.headers.get("x-total-pages") ?? "1") || 1, MAX_PAGES);
    raws.push(res.body);
    let records: unknown[];
    try {
      records = parse(res.body, { columns: true, skip_empty_lines: true, trim: true }) as unknown[];
    } catch (e) {
      throw invalidData(DEPT, `malformed CSV (${(e as Error).message})`);
    }
    rows.push(...records.map((r) => parseNative(DEPT, nativeMarriageRowSchema, r)));
  }
  if (rows.length === 0) throw notFound(DEPT, "marriage registration");
  const latest = rows.reduce((a, b) => (Number(b.DJRQ_MS) > Number(a.DJRQ_MS) ? b : a));
  const data = parseNative(DEPT, marriageRecordSchema, mapMarriage(latest));
  return { recordType: "marriage", schemaVersion: 1, data, provenance: provenance(DEPT, latest.DJZH, raws.join("")) };
}
