import type { SandboxDefinition, SandboxResponse } from "./sandbox-server";
import { type Employment, type Population, personAt } from "./population";
import { humanResourcesCorrection } from "./corrections/human-resources";

export const MAX_PAGE_SIZE = 100;

/**
 * Human Resources and Social Security Bureau: social insurance contributions. Native
 * contract: paged JSON with the national social insurance data dictionary's field codes
 * (aac002 id number, aac003 name, aac006 birth date YYYYMMDD, aab004 employer name, aae002
 * contribution month YYYYMM, aae180 contribution base as a decimal string), one row per
 * month contributed; nothing known about the person is a successful, empty page.
 *   GET /si/api/v1/contributions?aac002={id}&pageNo={n}&pageSize={m}   header X-HRSS-AppKey
 *   pageNo from 1, pageSize at most 100
 */
export function humanResourcesSandbox(population: Population): SandboxDefinition {
  const byPerson = new Map<string, Employment>(population.employments.map((e) => [e.nationalId, e]));
  const json = (status: number, value: unknown): SandboxResponse => ({
    status,
    contentType: "application/json; charset=utf-8",
    body: JSON.stringify(value),
  });
  return {
    code: "human-resources",
    correction: humanResourcesCorrection,
    credential: (req) => req.headers["x-hrss-appkey"] as string | undefined,
    handle(url) {
      if (url.pathname !== "/si/api/v1/contributions")
        return json(404, { resultCode: "9404", resultMsg: "接口不存在" });
      const id = url.searchParams.get("aac002");
      const pageNo = Number(url.searchParams.get("pageNo") ?? "1");
      const pageSize = Math.min(Number(url.searchParams.get("pageSize") ?? "20"), MAX_PAGE_SIZE);
      if (!id || !Number.isInteger(pageNo) || pageNo < 1 || !Number.isInteger(pageSize) || pageSize < 1) {
        return json(400, { resultCode: "1001", resultMsg: "参数错误：aac002 必填，pageNo、pageSize 为正整数" });
      }
      const p = personAt(population, "human-resources", id);
      const employment = byPerson.get(id);
      if (!p || !employment)
        return json(200, { resultCode: "0000", resultMsg: "未查询到缴费记录", total: 0, rows: [] });
      const months = contributedMonths(employment);
      const rows = months.slice((pageNo - 1) * pageSize, pageNo * pageSize).map((month) => ({
        aac002: p.nationalId,
        aac003: p.fullName,
        aac006: p.birthDate.replaceAll("-", ""),
        aab004: employment.employerName,
        aae002: month,
        aae180: employment.monthlyBaseYuan.toFixed(2),
      }));
      return json(200, { resultCode: "0000", total: months.length, rows });
    },
  };
}

/**
 * The months (YYYYMM, ascending) with a contribution: every month from the first to the
 * last, less `span - contributionMonths` gap months spread evenly between them. The first
 * and last months are always kept while there is room for the gaps inside.
 */
export function contributedMonths(e: Pick<Employment, "firstMonth" | "lastMonth" | "contributionMonths">): string[] {
  const [fy, fm] = e.firstMonth.split("-").map(Number) as [number, number];
  const [ly, lm] = e.lastMonth.split("-").map(Number) as [number, number];
  const span = Math.max(0, (ly - fy) * 12 + (lm - fm) + 1);
  const all = Array.from({ length: span }, (_, i) => {
    const index = fy * 12 + (fm - 1) + i;
    return `${Math.floor(index / 12)}${String((index % 12) + 1).padStart(2, "0")}`;
  });
  const gaps = Math.max(0, span - e.contributionMonths);
  if (gaps === 0) return all;
  const inside = span - 2;
  if (gaps > inside) return all.slice(gaps);
  const skipped = new Set(Array.from({ length: gaps }, (_, g) => 1 + Math.floor((g * inside) / gaps)));
  return all.filter((_, i) => !skipped.has(i));
}
