import type { SandboxDefinition } from "./sandbox-server";
import { type Population, personAt } from "./population";
import { publicSecurityCorrection } from "./corrections/public-security";

/**
 * Public Security Bureau population register. Native contract: JSON with pinyin-initial
 * field names, sex as GB/T 2261.1 codes (1 male, 2 female), dates as YYYYMMDD, relation to
 * the household head as GB/T 4761 codes (02 head, 10 spouse, 20 child).
 *   GET /rkxx/v1/persons/{sfzh}          header X-PSB-Key
 *   GET /rkxx/v1/households?sfzh={id}    header X-PSB-Key
 */
const RELATION_CODES = { head: "02", spouse: "10", child: "20" } as const;

export function publicSecuritySandbox(population: Population): SandboxDefinition {
  const householdOf = new Map<string, Population["households"][number]>();
  for (const h of population.households) for (const m of h.members) householdOf.set(m.nationalId, h);
  return {
    code: "public-security",
    correction: publicSecurityCorrection,
    credential: (req) => req.headers["x-psb-key"] as string | undefined,
    handle(url) {
      if (url.pathname === "/rkxx/v1/households") {
        const h = householdOf.get(url.searchParams.get("sfzh") ?? "");
        if (!h)
          return {
            status: 404,
            contentType: "application/json",
            body: JSON.stringify({ code: "40402", msg: "未查询到户籍信息" }),
          };
        const body = {
          code: "0",
          data: {
            hh: h.householdNo,
            hjdz_xzqh: h.region,
            hjdz: h.address,
            hzsfzh: h.headId,
            cy: h.members.map((m) => ({
              sfzh: m.nationalId,
              xm: personAt(population, "public-security", m.nationalId)?.fullName ?? "",
              yhzgx: RELATION_CODES[m.relation],
            })),
          },
        };
        return { status: 200, contentType: "application/json; charset=utf-8", body: JSON.stringify(body) };
      }
      const match = /^\/rkxx\/v1\/persons\/([^/]+)$/.exec(url.pathname);
      if (!match)
        return {
          status: 404,
          contentType: "application/json",
          body: JSON.stringify({ code: "40400", msg: "接口不存在" }),
        };
      const p = personAt(population, "public-security", decodeURIComponent(match[1]!));
      if (!p)
        return {
          status: 404,
          contentType: "application/json",
          body: JSON.stringify({ code: "40401", msg: "查无此人" }),
        };
      const body = {
        code: "0",
        data: {
          sfzh: p.nationalId,
          xm: p.fullName,
          xb: p.sex === "M" ? "1" : "2",
          csrq: p.birthDate.replaceAll("-", ""),
          hjdz_xzqh: p.region,
          hjdz: p.address,
          rybh: `R${p.nationalId.slice(0, 6)}${p.nationalId.slice(14)}`,
        },
      };
      return { status: 200, contentType: "application/json; charset=utf-8", body: JSON.stringify(body) };
    },
  };
}
