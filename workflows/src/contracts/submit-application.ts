import { z } from "zod";
import { RECORD_TYPE_CODES } from "./records";
import { SERVICES } from "./services";

export const serviceCodeSchema = z.enum(Object.keys(SERVICES) as [keyof typeof SERVICES]);

/** What a citizen sends to submit: the id is minted when the form opens, so resubmits are harmless. */
export const submitApplicationSchema = z.object({
  applicationId: z.uuid({ message: "applicationId must be a UUID" }),
  serviceCode: serviceCodeSchema,
  consent: z
    .array(z.enum(RECORD_TYPE_CODES as [string, ...string[]]))
    .min(1, "consent must list the records you agree to share"),
});
export type SubmitApplication = z.infer<typeof submitApplicationSchema>;
