import type { birthCertificateSchema } from "@visit-once/workflows/contracts";
import type { z } from "zod";
import type { NativeCertificate } from "./schema";

/** The birth date is the calendar date in China (UTC+8), whatever offset the time carries. */
export function chinaDate(isoTime: string): string {
  const ms = Date.parse(isoTime);
  if (Number.isNaN(ms)) return isoTime;
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

export function mapCertificate(c: NativeCertificate): z.input<typeof birthCertificateSchema> {
  return {
    certificateNo: c["@_serial"],
    childName: c.Newborn["@_name"],
    childSex: c.Newborn["@_gender"],
    birthDate: chinaDate(c.Newborn["@_birthTime"]),
    birthPlace: c.Newborn["@_place"],
    motherNationalId: c.Mother["@_idNumber"],
    fatherNationalId: c.Father?.["@_idNumber"] ?? null,
  };
}
