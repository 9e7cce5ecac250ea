import { z } from "zod";

/** One month's contribution row, in the social insurance data dictionary's field codes. */
export const nativeContributionRowSchema = z.object({
  aac002: z.string().min(1),
  aac003: z.string().min(1),
  aac006: z.string().regex(/^\d{8}$/),
  aab004: z.string(),
  aae002: z.string().regex(/^\d{4}(0[1-9]|1[0-2])$/),
  aae180: z.string().regex(/^\d+(\.\d+)?$/),
});
export type NativeContributionRow = z.infer<typeof nativeContributionRowSchema>;

/** One page of the Human Resources and Social Security Bureau's contribution query. */
export const nativeContributionPageSchema = z.object({
  resultCode: z.literal("0000"),
  total: z.number().int().min(0),
  rows: z.array(nativeContributionRowSchema),
});
