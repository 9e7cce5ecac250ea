import type { medicalInsuranceRecordSchema } from "@visit-once/workflows/contracts";
import type { z } from "zod";
import { isoTimestampToChinaDate } from "../dates";
import type { NativeInsured } from "./schema";

/** National insurance type codes: 310 basic medical insurance for urban employees, 390 for urban and rural residents. */
export const INSURANCE_TYPES = { "310": "urban-employee", "390": "urban-rural-resident" } as const;

/** Insured-state codes: 1 insured, 2 suspended, 0 terminated. */
export const INSURED_STATES = { "1": "active", "2": "suspended", "0": "terminated" } as const;

export { isoTimestampToChinaDate } from "../dates";

export function mapInsured(p: NativeInsured): z.input<typeof medicalInsuranceRecordSchema> {
  return {
    nationalId: p.certno,
    fullName: p.psn_name,
    birthDate: isoTimestampToChinaDate(p.brdy),
    residentialAddress: p.addr,
    scheme: INSURANCE_TYPES[p.insutype],
    status: INSURED_STATES[p.psn_insu_stas],
    enrolledOn: isoTimestampToChinaDate(p.psn_insu_date),
  };
}
