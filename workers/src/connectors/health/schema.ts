import { z } from "zod";

const person = z.object({ "@_idNumber": z.string() });

/** The Health Commission's medical birth certificate, as parsed from its XML. */
export const nativeCertificateSchema = z.object({
  "@_serial": z.string(),
  Newborn: z.object({
    "@_name": z.string(),
    "@_gender": z.enum(["M", "F"]),
    "@_birthTime": z.string(),
    "@_place": z.string(),
  }),
  Mother: person,
  Father: person.optional(),
});
export type NativeCertificate = z.infer<typeof nativeCertificateSchema>;
