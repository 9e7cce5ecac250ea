import { type CorrectionEndpoint, jsonOf, replacePerson, replaceWhere, text } from "../corrections";
import type { Employment } from "../population";

/**
 * Human Resources and Social Security correction of an insured person's data (参保信息更正),
 * in its JSON style with the social insurance dictionary's codes: aac002 id number, aac003
 * name, aab004 employer name, aae013 remark (the reason), ywbh the requester's business number.
 *   POST /si/api/v1/corrections   { aac002, aac003?, aab004?, aae013, ywbh }   header X-HRSS-AppKey
 * Answers { resultCode: "0000", resultMsg: "更正成功" }; 404 { resultCode: "2004" } for no insured
 * person; 400 { resultCode: "1001", resultMsg } for a request it cannot read.
 */
const json = (status: number, value: unknown) => ({
  status,
  contentType: "application/json; charset=utf-8",
  body: JSON.stringify(value),
});

export const humanResourcesCorrection: CorrectionEndpoint = {
  matches: (url, method) => method === "POST" && url.pathname === "/si/api/v1/corrections",
  parse(_url, body) {
    const req = jsonOf(body);
    const aac002 = text(req?.aac002);
    const aab004 = text(req?.aab004);
    const aac003 = text(req?.aac003);
    if (!aac002 || (!aab004 && !aac003) || !text(req?.aae013) || !text(req?.ywbh))
      return json(400, {
        resultCode: "1001",
        resultMsg: "参数错误：aac002、aae013、ywbh 必填，aac003 或 aab004 至少一项",
      });
    return {
      subject: aac002,
      apply(view) {
        if (!view.persons.has(aac002) || !view.employments.some((e) => e.nationalId === aac002)) return false;
        if (aab004)
          replaceWhere<Employment>(
            view,
            "employments",
            (e) => e.nationalId === aac002,
            (e) => ({ ...e, employerName: aab004 }),
          );
        if (aac003) replacePerson(view, aac002, (p) => ({ ...p, fullName: aac003 }));
        return true;
      },
    };
  },
  answer: (applied) =>
    applied
      ? json(200, { resultCode: "0000", resultMsg: "更正成功" })
      : json(404, { resultCode: "2004", resultMsg: "未查询到参保人" }),
};
