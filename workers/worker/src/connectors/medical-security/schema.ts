import { z } from "zod";

const timestamp = z.iso.datetime({ offset: true });

/** The Medical Security Bureau's insured person record. */
export const nativeInsuredSchema = z.object({
  psn_no: z.string().min(1),
  certno: z.string().min(1),
  psn_name: z.string().min(1),
  brdy: timestamp,
  addr: z.string().min(1),
  insutype: z.enum(["310", "390"]),
  psn_insu_stas: z.enum(["0", "1", "2"]),
  psn_insu_date: timestamp,
});
export type NativeInsured = z.infer<typeof nativeInsuredSchema>;
