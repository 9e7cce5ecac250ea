import { type CorrectionEndpoint, jsonOf, replacePerson, replaceWhere, text } from "../corrections";
import type { MedicalInsurance } from "../population";

/**
 * Medical Security correction of an insured person's data (参保信息变更), in its flat JSON
 * style: psn_name the name, addr the residential address, psn_insu_stas the insured state code (1 active, 2
 * suspended, 0 terminated), chg_rea the reason, msgid the requester's message id.
 *   PATCH /ybj/insured/{id}   { psn_name?, addr?, psn_insu_stas?, chg_rea, msgid }   headers X-App-Id, X-App-Key
 * Answers { code: 0, message: "成功" }; 404 { code: -1, message: "参保人不存在" }; 400 { code: -2 }.
 */
const json = (status: number, value: unknown) => ({
  status,
  contentType: "application/json; charset=utf-8",
  body: JSON.stringify(value),
});
const STATES: Record<string, MedicalInsurance["status"]> = { "1": "active", "2": "suspended", "0": "terminated" };
const INSURED = /^\/ybj\/insured\/([^/]+)$/;

export const medicalSecurityCorrection: CorrectionEndpoint = {
  matches: (url, method) => method === "PATCH" && INSURED.test(url.pathname),
  parse(url, body) {
    const id = decodeURIComponent(INSURED.exec(url.pathname)![1]!);
    const req = jsonOf(body);
    const addr = text(req?.addr);
    const name = text(req?.psn_name);
    const state = req?.psn_insu_stas === undefined ? undefined : STATES[String(req.psn_insu_stas)];
    const badState = req?.psn_insu_stas !== undefined && !state;
    if (!req || (!addr && !name && !state) || badState || !text(req.chg_rea) || !text(req.msgid))
      return json(400, {
        code: -2,
        message: "参数错误：psn_name、addr 或 psn_insu_stas（1/2/0）至少一项，chg_rea、msgid 必填",
      });
    return {
      subject: id,
      apply(view) {
        if (!view.persons.has(id) || !view.medicalInsurance.some((m) => m.nationalId === id)) return false;
        if (addr || name)
          replacePerson(view, id, (p) => ({
            ...p,
            ...(addr ? { address: addr } : {}),
            ...(name ? { fullName: name } : {}),
          }));
        if (state)
          replaceWhere<MedicalInsurance>(
            view,
            "medicalInsurance",
            (m) => m.nationalId === id,
            (m) => ({ ...m, status: state }),
          );
        return true;
      },
    };
  },
  answer: (applied) =>
    applied ? json(200, { code: 0, message: "成功" }) : json(404, { code: -1, message: "参保人不存在" }),
};
