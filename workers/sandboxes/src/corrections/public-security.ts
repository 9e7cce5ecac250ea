import { type CorrectionEndpoint, jsonOf, replacePerson, replaceWhere, text } from "../corrections";
import type { Household } from "../population";

/**
 * Public Security's correction endpoints (户籍信息更正), in its JSON style with pinyin-initial
 * names: xm name, hjdz household address, bgyy reason for the change, ywlsh the requester's
 * business serial number (the same serial twice changes nothing more).
 *   PATCH /rkxx/v1/persons/{sfzh}        { xm?, hjdz?, bgyy, ywlsh }   header X-PSB-Key
 *   PATCH /rkxx/v1/households?sfzh={id}  { hjdz, bgyy, ywlsh }          header X-PSB-Key
 * Answers { code: "0", msg: "更正成功", data: { ywlsh } }; 404 { code: "40401" } for no such
 * person or household; 400 { code: "40001", msg } for a request it cannot read.
 */
const json = (status: number, value: unknown) => ({
  status,
  contentType: "application/json; charset=utf-8",
  body: JSON.stringify(value),
});
const PERSON = /^\/rkxx\/v1\/persons\/([^/]+)$/;

export const publicSecurityCorrection: CorrectionEndpoint = {
  matches: (url, method) => method === "PATCH" && (PERSON.test(url.pathname) || url.pathname === "/rkxx/v1/households"),
  parse(url, body) {
    const req = jsonOf(body);
    const xm = text(req?.xm);
    const hjdz = text(req?.hjdz);
    if (!req || !text(req.bgyy) || !text(req.ywlsh))
      return json(400, { code: "40001", msg: "请求格式错误：bgyy、ywlsh 必填" });
    if (url.pathname === "/rkxx/v1/households") {
      const sfzh = url.searchParams.get("sfzh");
      if (!sfzh || !hjdz) return json(400, { code: "40001", msg: "请求格式错误：sfzh、hjdz 必填" });
      return {
        subject: sfzh,
        apply: (view) =>
          replaceWhere<Household>(
            view,
            "households",
            (h) => h.members.some((m) => m.nationalId === sfzh),
            (h) => ({ ...h, address: hjdz }),
          ),
      };
    }
    const sfzh = decodeURIComponent(PERSON.exec(url.pathname)![1]!);
    if (!xm && !hjdz) return json(400, { code: "40001", msg: "请求格式错误：xm 或 hjdz 至少一项" });
    return {
      subject: sfzh,
      apply: (view) =>
        replacePerson(view, sfzh, (p) => ({
          ...p,
          ...(xm ? { fullName: xm } : {}),
          ...(hjdz ? { address: hjdz } : {}),
        })),
    };
  },
  answer: (applied, _url, body) =>
    applied
      ? json(200, { code: "0", msg: "更正成功", data: { ywlsh: jsonOf(body)?.ywlsh } })
      : json(404, { code: "40401", msg: "查无此人" }),
};
