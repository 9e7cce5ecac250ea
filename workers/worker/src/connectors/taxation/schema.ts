import { z } from "zod";

const amount = z.string().regex(/^\d+(\.\d{1,2})?$/, "expected an amount such as 12.50");

/** The Tax Bureau's clearance certificate, as parsed from its XML (every value a string). */
export const nativeClearanceSchema = z.object({
  TaxClearance: z.object({
    Head: z.object({ Code: z.literal("0"), Message: z.string().optional() }),
    Body: z.object({
      ZMBH: z.string().min(1),
      NSRSBH: z.string().min(1),
      NSRMC: z.string().min(1),
      QSBZ: z.enum(["Y", "N"]),
      QSJE: amount,
      KJRQ: z.string().regex(/^\d{4}\/\d{2}\/\d{2}$/, "expected a date as YYYY/MM/DD"),
    }),
  }),
});
export type NativeClearance = z.infer<typeof nativeClearanceSchema>["TaxClearance"]["Body"];
