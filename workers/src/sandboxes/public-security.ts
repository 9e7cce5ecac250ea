import type { SandboxDefinition } from "./sandbox-server";
import type { Population } from "./population";

/**
 * Public Security Bureau population register. Native contract: JSON with pinyin-initial
 * field names, sex as GB/T 2261.1 codes (1 male, 2 female), dates as YYYYMMDD.
 *   GET /rkxx/v1/persons/{sfzh}   header X-PSB-Key
 */
export function publicSecuritySandbox(population: Population): SandboxDefinition {
  return {
    code: "public-security",
    credential: (req) => req.headers["x-psb-key"] as string | undefined,
    handle(url) {
      const match = /^\/rkxx\/v1\/persons\/([^/]+)$/.exec(url.pathname);
      if (!match) return { status: 404, contentType: "application/json", body: JSON.stringify({ code: "40400", msg: "接口不存在" }) };
      const p = population.persons.get(decodeURIComponent(match[1]!));
      if (!p) return { status: 404, contentType: "application/json", body: JSON.stringify({ code: "40401", msg: "查无此人" }) };
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
