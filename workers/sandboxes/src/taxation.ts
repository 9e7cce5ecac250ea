import { XMLBuilder } from "fast-xml-parser";
import type { SandboxDefinition, SandboxResponse } from "./sandbox-server";
import { type Population, type TaxStatus, personAt } from "./population";
import { taxationCorrection } from "./corrections/taxation";

/** The day the clearance certificates are issued: the synthetic population's "today". */
export const ISSUE_DATE = "2026-11-20";

/**
 * Tax Bureau tax clearance certificates (完税证明). Native contract: XML with a Head/Body
 * envelope and the e-tax bureau's pinyin-initial tags (ZMBH certificate number, NSRSBH
 * taxpayer id, NSRMC taxpayer name, QSBZ arrears flag Y/N, QSJE arrears amount as a decimal
 * string, KJRQ issue date YYYY/MM/DD). An unknown taxpayer is HTTP 404 with Head Code 404.
 *   GET /etax/clearance?nsrsbh={id}   header Authorization: Token {key}
 */
export function taxationSandbox(population: Population): SandboxDefinition {
  const byPerson = new Map<string, TaxStatus>(population.taxes.map((t) => [t.nationalId, t]));
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: false });
  const xml = (status: number, value: unknown): SandboxResponse => ({
    status,
    contentType: "application/xml; charset=utf-8",
    body: builder.build({ "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" }, ...(value as object) }) as string,
  });
  const head = (code: string, message: string) => ({ Code: code, Message: message });
  return {
    code: "taxation",
    correction: taxationCorrection,
    credential: (req) => /^Token (.+)$/.exec(req.headers.authorization ?? "")?.[1],
    handle(url) {
      if (url.pathname !== "/etax/clearance") return xml(404, { Error: head("404", "接口不存在") });
      const id = url.searchParams.get("nsrsbh");
      if (!id) return xml(400, { TaxClearance: { Head: head("400", "缺少纳税人识别号") } });
      const p = personAt(population, "taxation", id);
      const tax = byPerson.get(id);
      if (!p || !tax) return xml(404, { TaxClearance: { Head: head("404", "未找到该纳税人") } });
      return xml(200, {
        TaxClearance: {
          Head: head("0", "成功"),
          Body: {
            ZMBH: `33${ISSUE_DATE.replaceAll("-", "")}${p.nationalId.slice(6, 17)}`,
            NSRSBH: p.nationalId,
            NSRMC: p.fullName,
            QSBZ: tax.outstandingYuan > 0 ? "Y" : "N",
            QSJE: tax.outstandingYuan.toFixed(2),
            KJRQ: ISSUE_DATE.replaceAll("-", "/"),
          },
        },
      });
    },
  };
}
