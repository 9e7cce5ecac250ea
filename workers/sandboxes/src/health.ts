import { XMLBuilder } from "fast-xml-parser";
import type { SandboxDefinition } from "./sandbox-server";
import type { Population } from "./population";
import { healthCorrection } from "./corrections/health";

/**
 * Health Commission medical birth certificates. Native contract: XML, times in ISO 8601
 * with the +08:00 offset, sex as M/F.
 *   GET /mbc/certificates?parentId={id}   header Authorization: ApiKey {key}
 * Immunisation register: XML, one <Child> per child of the guardian, doses with ISO times.
 *   GET /imm/records?guardianId={id}       header Authorization: ApiKey {key}
 */
export function healthSandbox(population: Population): SandboxDefinition {
  const byParent = new Map<string, Population["births"]>();
  for (const b of population.births) {
    for (const id of [b.motherId, b.fatherId]) {
      if (id) byParent.set(id, [...(byParent.get(id) ?? []), b]);
    }
  }
  const vaccinationsOf = new Map(population.vaccinations.map((v) => [v.birthCertificateNo, v]));
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: false });
  return {
    code: "health",
    correction: healthCorrection,
    credential: (req) => /^ApiKey (.+)$/.exec(req.headers.authorization ?? "")?.[1],
    handle(url) {
      if (url.pathname === "/imm/records") {
        const guardianId = url.searchParams.get("guardianId");
        if (!guardianId)
          return { status: 400, contentType: "application/xml", body: '<Error code="MissingGuardianId"/>' };
        const children = (byParent.get(guardianId) ?? []).map((b) => ({
          "@_certificate": b.certificateNo,
          "@_idNumber": b.childNationalId ?? "",
          "@_birthDate": toChinaTime(b.birthTime).slice(0, 10),
          Dose: (vaccinationsOf.get(b.certificateNo)?.doses ?? []).map((d) => ({
            "@_code": d.vaccine,
            "@_seq": d.doseNo,
            "@_time": `${d.date}T09:00:00+08:00`,
          })),
        }));
        const xml = builder.build({
          "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
          ImmunizationRecords: { "@_guardian": guardianId, Child: children },
        }) as string;
        return { status: 200, contentType: "application/xml; charset=utf-8", body: xml };
      }
      if (url.pathname !== "/mbc/certificates")
        return { status: 404, contentType: "application/xml", body: '<Error code="NotFound"/>' };
      const parentId = url.searchParams.get("parentId");
      if (!parentId) return { status: 400, contentType: "application/xml", body: '<Error code="MissingParentId"/>' };
      const certificates = (byParent.get(parentId) ?? []).map((b) => ({
        "@_serial": b.certificateNo,
        Newborn: {
          "@_name": b.childName,
          "@_gender": b.childSex,
          "@_birthTime": toChinaTime(b.birthTime),
          "@_place": b.birthPlace,
        },
        Mother: { "@_idNumber": b.motherId },
        ...(b.fatherId ? { Father: { "@_idNumber": b.fatherId } } : {}),
      }));
      const xml = builder.build({
        "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
        BirthMedicalCertificates: { "@_count": certificates.length, Certificate: certificates },
      }) as string;
      return { status: 200, contentType: "application/xml; charset=utf-8", body: xml };
    },
  };
}

function toChinaTime(iso: string): string {
  const t = new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19);
  return `${t}+08:00`;
}
