import { type CorrectionEndpoint, replaceWhere } from "../corrections";
import type { Marriage } from "../population";

/**
 * Civil Affairs correction of a marriage registration (婚姻登记信息更正), in its CSV style: a
 * header line and one row per registration, the marital status as its GB/T 2261.2 code (20
 * married, 40 divorced), GZYY the reason, LSH the requester's serial.
 *   POST /hygl/marriages/corrections.csv?sfzh={id}   header Authorization: Bearer {token}
 *   DJZH,HYZK,GZYY,LSH
 * Answers CSV DJZH,JG with 已更正 per row; 404 "no such registration"; 400 plain text.
 */
const STATUS: Record<string, Marriage["status"]> = { "20": "married", "40": "divorced" };
const plain = (status: number, body: string) => ({ status, contentType: "text/plain; charset=utf-8", body });

function rows(body: string): string[][] | undefined {
  const lines = body.split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines[0]?.trim() !== "DJZH,HYZK,GZYY,LSH" || lines.length < 2) return undefined;
  const parsed = lines.slice(1).map((l) => l.split(","));
  return parsed.every((r) => r.length === 4 && r[0] && STATUS[r[1]!] && r[2] && r[3]) ? parsed : undefined;
}

export const civilAffairsCorrection: CorrectionEndpoint = {
  matches: (url, method) => method === "POST" && url.pathname === "/hygl/marriages/corrections.csv",
  parse(url, body) {
    const sfzh = url.searchParams.get("sfzh");
    const changes = rows(body);
    if (!sfzh || !changes) return plain(400, "sfzh is required; body: DJZH,HYZK,GZYY,LSH and one row per registration");
    return {
      subject: sfzh,
      apply: (view) =>
        changes.every(([djzh, hyzk]) =>
          replaceWhere<Marriage>(
            view,
            "marriages",
            (m) => m.registrationNo === djzh && (m.husbandId === sfzh || m.wifeId === sfzh),
            (m) => ({ ...m, status: STATUS[hyzk!]! }),
          ),
        ),
    };
  },
  answer: (applied, _url, body) =>
    applied
      ? {
          status: 200,
          contentType: "text/csv; charset=utf-8",
          body: ["DJZH,JG", ...rows(body)!.map((r) => `${r[0]},已更正`)].join("\n") + "\n",
        }
      : plain(404, "no such registration"),
};
