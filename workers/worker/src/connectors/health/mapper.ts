import {
  IMMUNISATION_SCHEDULE,
  type birthCertificateSchema,
  type vaccinationRecordSchema,
} from "@visit-once/workflows/contracts";
import type { z } from "zod";
import { isoTimestampToChinaDate as chinaDate } from "../dates";
import type { NativeCertificate, NativeImmunisationChild } from "./schema";

/** The birth date is the calendar date in China (UTC+8), whatever offset the time carries. */
export { isoTimestampToChinaDate as chinaDate } from "../dates";

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

/** Up to date when every dose due by `asOf` (with a 30-day grace) has been given. */
export function isUpToDate(birthDate: string, doses: { vaccine: string; doseNo: number }[], asOf: Date): boolean {
  const ageDays = Math.floor((asOf.getTime() - Date.parse(`${birthDate}T00:00:00+08:00`)) / 86_400_000);
  const given = new Set(doses.map((d) => `${d.vaccine}#${d.doseNo}`));
  return IMMUNISATION_SCHEDULE.filter((s) => s.dueDays + 30 <= ageDays).every((s) =>
    given.has(`${s.vaccine}#${s.doseNo}`),
  );
}

export function mapImmunisation(c: NativeImmunisationChild, asOf: Date): z.input<typeof vaccinationRecordSchema> {
  const doses = c.Dose.map((d) => ({ vaccine: d["@_code"], doseNo: d["@_seq"], date: chinaDate(d["@_time"]) }));
  return {
    personNationalId: c["@_idNumber"] || null,
    birthCertificateNo: c["@_certificate"] || null,
    doses,
    upToDate: isUpToDate(c["@_birthDate"], doses, asOf),
  };
}
