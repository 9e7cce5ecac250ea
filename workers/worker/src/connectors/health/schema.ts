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

/** One child's immunisation history, as parsed from the register's XML. */
export const nativeImmunisationChildSchema = z.object({
  "@_certificate": z.string(),
  "@_idNumber": z.string(),
  "@_birthDate": z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  Dose: z.array(z.object({ "@_code": z.string(), "@_seq": z.coerce.number().int(), "@_time": z.string() })).default([]),
});
export type NativeImmunisationChild = z.infer<typeof nativeImmunisationChildSchema>;
