import { z } from "zod";

/** One row of the Civil Affairs marriage registry's CSV export. */
export const nativeMarriageRowSchema = z.object({
  DJZH: z.string().min(1),
  NF_SFZH: z.string(),
  NV_SFZH: z.string(),
  DJRQ_MS: z.string().regex(/^\d+$/),
  HYZK: z.enum(["20", "21", "22", "23", "30", "40"]),
});
export type NativeMarriageRow = z.infer<typeof nativeMarriageRowSchema>;
