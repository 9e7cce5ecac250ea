import { type CorrectionEndpoint, replaceWhere } from "../corrections";
import type { Property } from "../population";

/**
 * Natural Resources correction of the real estate register (更正登记), in its `;`-separated
 * CSV style: BDCQZH certificate number, ZL location (empty: unchanged), DYZT mortgage state
 * 有/无 (empty: unchanged), GZYY the reason, YWH the requester's business number.
 *   POST /bdc/qlr/gz?zjh={id}   HTTP Basic auth, user "visit-once", password {key}
 *   BDCQZH;ZL;DYZT;GZYY;YWH
 * Answers CSV BDCQZH;JG with 已更正; 404 "资源不存在"; 400 plain text.
 */
const plain = (status: number, body: string) => ({ status, contentType: "text/plain; charset=utf-8", body });
const HEADER = "BDCQZH;ZL;DYZT;GZYY;YWH";

function rows(body: string): string[][] | undefined {
  const lines = body.split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines[0]?.trim() !== HEADER || lines.length < 2) return undefined;
  const parsed = lines.slice(1).map((l) => l.split(";"));
  const ok = (r: string[]) =>
    r.length === 5 && r[0] && (r[1] || r[2]) && (r[2] === "" || r[2] === "有" || r[2] === "无") && r[3] && r[4];
  return parsed.every(ok) ? parsed : undefined;
}

export const naturalResourcesCorrection: CorrectionEndpoint = {
  matches: (url, method) => method === "POST" && url.pathname === "/bdc/qlr/gz",
  parse(url, body) {
    const zjh = url.searchParams.get("zjh");
    const changes = rows(body);
    if (!zjh || !changes) return plain(400, `缺少参数 zjh，或请求体格式错误（${HEADER}）`);
    return {
      subject: zjh,
      apply: (view) =>
        changes.every(([bdcqzh, zl, dyzt]) =>
          replaceWhere<Property>(
            view,
            "properties",
            (p) => p.certificateNo === bdcqzh && p.ownerIds.includes(zjh),
            (p) => ({ ...p, ...(zl ? { address: zl } : {}), ...(dyzt ? { encumbered: dyzt === "有" } : {}) }),
          ),
        ),
    };
  },
  answer: (applied, _url, body) =>
    applied
      ? {
          status: 200,
          contentType: "text/csv; charset=utf-8",
          body: ["BDCQZH;JG", ...rows(body)!.map((r) => `${r[0]};已更正`)].join("\r\n") + "\r\n",
        }
      : plain(404, "资源不存在"),
};
