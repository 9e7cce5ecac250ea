import type { SandboxDefinition, SandboxResponse } from "./sandbox-server";
import { type Population, personAt } from "./population";
import { marketRegulationCorrection } from "./corrections/market-regulation";

/**
 * Market Regulation Administration business registry (国家企业信用信息公示系统). Native
 * contract: JSON with pinyin-initial field names (tyshxydm unified social credit code, qymc
 * name, fddbr_zjhm legal representative's id number, djzt registration status as a word
 * 存续/吊销/注销, clrq date of establishment in epoch SECONDS, zczb registered capital as text
 * such as "500万元人民币"), every entity the person represents; none is an empty data list.
 * The credential travels in its own header (it used to ride in the query string, where proxies
 * and access logs keep it; the rest of the native style is unchanged).
 *   GET /gsxt/v2/entities?fddbrzjhm={id}   header X-Access-Key: {key}
 */
export function marketRegulationSandbox(population: Population): SandboxDefinition {
  const byRepresentative = new Map<string, Population["businesses"]>();
  for (const b of population.businesses)
    byRepresentative.set(b.legalRepId, [...(byRepresentative.get(b.legalRepId) ?? []), b]);
  const json = (status: number, value: unknown): SandboxResponse => ({
    status,
    contentType: "application/json; charset=utf-8",
    body: JSON.stringify(value),
  });
  return {
    code: "market-regulation",
    correction: marketRegulationCorrection,
    credential: (req) => req.headers["x-access-key"] as string | undefined,
    handle(url) {
      if (url.pathname !== "/gsxt/v2/entities") return json(404, { status: 404, message: "接口不存在" });
      const id = url.searchParams.get("fddbrzjhm");
      if (!id) return json(400, { status: 400, message: "缺少参数 fddbrzjhm" });
      const entities = personAt(population, "market-regulation", id) ? (byRepresentative.get(id) ?? []) : [];
      return json(200, {
        status: 200,
        data: entities.map((b) => ({
          tyshxydm: b.creditCode,
          qymc: b.name,
          fddbr_zjhm: b.legalRepId,
          djzt: STATUS_WORDS[b.status],
          clrq: Date.parse(`${b.establishedOn}T00:00:00+08:00`) / 1000,
          zczb: `${b.registeredCapitalYuan / 10_000}万元人民币`,
        })),
      });
    },
  };
}

const STATUS_WORDS = { active: "存续", revoked: "吊销", cancelled: "注销" } as const;
