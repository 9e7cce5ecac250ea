import type { householdRecordSchema, identityRecordSchema } from "@visit-once/workflows/contracts";
import type { z } from "zod";
import { yyyymmddToIso } from "../dates";
import type { NativeHousehold, NativePerson } from "./schema";

/** GB/T 2261.1 sex codes → the standard's F/M. */
export const SEX_CODES = { "1": "M", "2": "F" } as const;

/** csrq birth date YYYYMMDD → YYYY-MM-DD. */
export { yyyymmddToIso } from "../dates";

export function mapPerson(p: NativePerson): z.input<typeof identityRecordSchema> {
  return {
    nationalId: p.sfzh,
    fullName: p.xm,
    sex: SEX_CODES[p.xb],
    birthDate: yyyymmddToIso(p.csrq),
    householdRegion: p.hjdz_xzqh,
    householdAddress: p.hjdz,
  };
}

/** GB/T 4761 relation to the household head (the codes this register uses). */
export const RELATION_CODES: Record<string, string> = { "01": "head", "02": "head", "10": "spouse", "20": "child" };

export function mapHousehold(h: NativeHousehold): z.input<typeof householdRecordSchema> {
  return {
    householdNo: h.hh,
    region: h.hjdz_xzqh,
    address: h.hjdz,
    headNationalId: h.hzsfzh,
    members: h.cy.map((m) => ({
      nationalId: m.sfzh,
      fullName: m.xm,
      relationToHead: RELATION_CODES[m.yhzgx] ?? `other (${m.yhzgx})`,
    })),
  };
}
