import type { SandboxDefinition } from "./sandbox-server";
import { type Population, personAt } from "./population";
import { naturalResourcesCorrection } from "./corrections/natural-resources";

export const BASIC_AUTH_USER = "visit-once";
export const COLUMNS = ["BDCQZH", "ZL", "XZQDM", "MJ", "QLR_ZJH", "DJSJ", "DYZT"] as const;

/**
 * Natural Resources and Planning Bureau real estate register (不动产登记). Native contract:
 * semicolon-separated CSV with the register's column codes (BDCQZH certificate number, ZL
 * location, XZQDM region, MJ area in m² as a decimal string, QLR_ZJH owner id numbers joined
 * by "|", DJSJ registration date written 2019年05月20日, DYZT mortgage state 有/无), one row
 * per property the person holds; none is a CSV with only the header line.
 *   GET /bdc/qlr?zjh={id}   HTTP Basic auth, user "visit-once", password {key}
 */
export function naturalResourcesSandbox(population: Population): SandboxDefinition {
  const byOwner = new Map<string, Population["properties"]>();
  for (const p of population.properties) {
    for (const id of p.ownerIds) byOwner.set(id, [...(byOwner.get(id) ?? []), p]);
  }
  return {
    code: "natural-resources",
    correction: naturalResourcesCorrection,
    credential(req) {
      const encoded = /^Basic (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      if (!encoded) return undefined;
      const decoded = Buffer.from(encoded, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      return colon >= 0 && decoded.slice(0, colon) === BASIC_AUTH_USER ? decoded.slice(colon + 1) : undefined;
    },
    handle(url) {
      if (url.pathname !== "/bdc/qlr")
        return { status: 404, contentType: "text/plain; charset=utf-8", body: "资源不存在" };
      const id = url.searchParams.get("zjh");
      if (!id) return { status: 400, contentType: "text/plain; charset=utf-8", body: "缺少参数 zjh" };
      const properties = personAt(population, "natural-resources", id) ? (byOwner.get(id) ?? []) : [];
      const rows = properties.map((p) =>
        [
          p.certificateNo,
          p.address,
          p.region,
          p.areaSquareMetres.toFixed(2),
          p.ownerIds.join("|"),
          `${p.registeredOn.slice(0, 4)}年${p.registeredOn.slice(5, 7)}月${p.registeredOn.slice(8, 10)}日`,
          p.encumbered ? "有" : "无",
        ]
          .map(csvField)
          .join(";"),
      );
      return {
        status: 200,
        contentType: "text/csv; charset=utf-8",
        body: [COLUMNS.join(";"), ...rows].join("\r\n") + "\r\n",
      };
    },
  };
}

function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
