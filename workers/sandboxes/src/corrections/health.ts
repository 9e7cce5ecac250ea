import { XMLBuilder, XMLParser } from "fast-xml-parser";
import { type CorrectionEndpoint, replaceWhere, text } from "../corrections";
import type { Birth } from "../population";

/**
 * Health Commission amendment of a medical birth certificate (出生医学证明补正), in its XML
 * style: the certificate by its serial, the newborn's corrected name and place as attributes,
 * the reason as text, the requester's reference (the same reference twice changes nothing more).
 *   POST /mbc/certificates/amendments?parentId={id}   header Authorization: ApiKey {key}
 *   <Amendment serial="…" reference="…"><Newborn name="…" place="…"/><Reason>…</Reason></Amendment>
 * Answers <AmendmentResult serial="…" status="Accepted"/>; 404 <Error code="CertificateNotFound"/>;
 * 400 <Error code="MalformedAmendment"/>.
 */
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_" });
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: false });
const xml = (status: number, value: object) => ({
  status,
  contentType: "application/xml; charset=utf-8",
  body: builder.build({ "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" }, ...value }) as string,
});

type AmendmentXml = {
  Amendment?: {
    "@_serial"?: string;
    "@_reference"?: string;
    Newborn?: { "@_name"?: string; "@_place"?: string };
    Reason?: string;
  };
};

function read(body: string): AmendmentXml["Amendment"] {
  try {
    return (parser.parse(body) as AmendmentXml).Amendment;
  } catch {
    return undefined;
  }
}

export const healthCorrection: CorrectionEndpoint = {
  matches: (url, method) => method === "POST" && url.pathname === "/mbc/certificates/amendments",
  parse(url, body) {
    const a = read(body);
    const parentId = url.searchParams.get("parentId");
    const serial = text(a?.["@_serial"]);
    const name = text(a?.Newborn?.["@_name"]);
    const place = text(a?.Newborn?.["@_place"]);
    if (!parentId || !a || !serial || !text(a["@_reference"]) || !text(a.Reason) || (!name && !place))
      return xml(400, { Error: { "@_code": "MalformedAmendment" } });
    return {
      subject: parentId,
      apply: (view) =>
        replaceWhere<Birth>(
          view,
          "births",
          (b) => b.certificateNo === serial && (b.motherId === parentId || b.fatherId === parentId),
          (b) => ({ ...b, ...(name ? { childName: name } : {}), ...(place ? { birthPlace: place } : {}) }),
        ),
    };
  },
  answer: (applied, _url, body) =>
    applied
      ? xml(200, { AmendmentResult: { "@_serial": read(body)?.["@_serial"] ?? "", "@_status": "Accepted" } })
      : xml(404, { Error: { "@_code": "CertificateNotFound" } }),
};
