import { type CorrectionEndpoint, jsonOf, replaceWhere, text } from "../corrections";
import type { Business } from "../population";

/**
 * Market Regulation correction of a business registration (登记信息更正), in its JSON style:
 * the entity by its unified social credit code in the path, fddbr_zjhm the legal
 * representative's id number, djzt the status as a word 存续/吊销/注销, bgyy the reason, ywlsh
 * the requester's serial.
 *   PATCH /gsxt/v2/entities/{tyshxydm}   { fddbr_zjhm, djzt, bgyy, ywlsh }   header X-Access-Key
 * Answers { status: 200, message: "更正成功" }; 404 { status: 404, message: "未找到该企业" }; 400.
 */
const json = (status: number, value: unknown) => ({
  status,
  contentType: "application/json; charset=utf-8",
  body: JSON.stringify(value),
});
const STATUS: Record<string, Business["status"]> = { 存续: "active", 吊销: "revoked", 注销: "cancelled" };
const ENTITY = /^\/gsxt\/v2\/entities\/([^/]+)$/;

export const marketRegulationCorrection: CorrectionEndpoint = {
  matches: (url, method) => method === "PATCH" && ENTITY.test(url.pathname),
  parse(url, body) {
    const code = decodeURIComponent(ENTITY.exec(url.pathname)![1]!);
    const req = jsonOf(body);
    const rep = text(req?.fddbr_zjhm);
    const status = STATUS[text(req?.djzt) ?? ""];
    if (!rep || !status || !text(req?.bgyy) || !text(req?.ywlsh))
      return json(400, { status: 400, message: "参数错误：fddbr_zjhm、djzt（存续/吊销/注销）、bgyy、ywlsh 必填" });
    return {
      subject: rep,
      apply: (view) =>
        replaceWhere<Business>(
          view,
          "businesses",
          (b) => b.creditCode === code && b.legalRepId === rep,
          (b) => ({ ...b, status }),
        ),
    };
  },
  answer: (applied) =>
    applied ? json(200, { status: 200, message: "更正成功" }) : json(404, { status: 404, message: "未找到该企业" }),
};
