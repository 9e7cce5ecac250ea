import { XMLBuilder, XMLParser } from "fast-xml-parser";
import { type CorrectionEndpoint, replaceWhere, text } from "../corrections";
import type { TaxStatus } from "../population";

/**
 * Tax Bureau correction of a taxpayer's arrears (欠税信息更正), in its XML Head/Body envelope:
 * Head/Reference the requester's reference, Body/NSRSBH taxpayer id, Body/QSJE arrears as a
 * decimal string, Body/GZYY the reason.
 *   POST /etax/clearance/correction   header Authorization: Token {key}
 * Answers <TaxCorrection><Head><Code>0</Code><Message>更正成功</Message></Head></TaxCorrection>;
 * HTTP 404 with Head Code 404 for an unknown taxpayer; 400 with Head Code 400 for a malformed request.
 */
const parser = new XMLParser({ parseTagValue: false });
const builder = new XMLBuilder({ format: false });
const xml = (status: number, code: string, message: string) => ({
  status,
  contentType: "application/xml; charset=utf-8",
  body: `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ TaxCorrection: { Head: { Code: code, Message: message } } }) as string}`,
});

type CorrectionXml = {
  TaxCorrection?: { Head?: { Reference?: string }; Body?: { NSRSBH?: string; QSJE?: string; GZYY?: string } };
};

export const taxationCorrection: CorrectionEndpoint = {
  matches: (url, method) => method === "POST" && url.pathname === "/etax/clearance/correction",
  parse(_url, body) {
    let doc: CorrectionXml;
    try {
      doc = parser.parse(body) as CorrectionXml;
    } catch {
      return xml(400, "400", "报文格式错误");
    }
    const b = doc.TaxCorrection?.Body;
    const nsrsbh = text(b?.NSRSBH);
    const qsje = text(b?.QSJE);
    if (
      !nsrsbh ||
      !qsje ||
      !/^\d{1,12}(\.\d{1,2})?$/.test(qsje) ||
      !text(b?.GZYY) ||
      !text(doc.TaxCorrection?.Head?.Reference)
    )
      return xml(400, "400", "报文格式错误：NSRSBH、QSJE、GZYY、Reference 必填");
    const yuan = Number(qsje);
    return {
      subject: nsrsbh,
      apply: (view) =>
        replaceWhere<TaxStatus>(
          view,
          "taxes",
          (t) => t.nationalId === nsrsbh,
          (t) => ({ ...t, outstandingYuan: yuan }),
        ),
    };
  },
  answer: (applied) => (applied ? xml(200, "0", "更正成功") : xml(404, "404", "未找到该纳税人")),
};
