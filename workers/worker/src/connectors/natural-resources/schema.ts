import { z } from "zod";

/** One row of the real estate register's semicolon-separated export: a property the person holds. */
export const nativePropertyRowSchema = z.object({
  BDCQZH: z.string().min(1),
  ZL: z.string().min(1),
  XZQDM: z.string(),
  MJ: z.string().regex(/^\d+(\.\d+)?$/, "expected an area such as 89.50"),
  QLR_ZJH: z.string().min(1),
  DJSJ: z.string().regex(/^\d{4}年\d{1,2}月\d{1,2}日$/, "expected a date such as 2019年05月20日"),
  DYZT: z.enum(["有", "无"]),
});
export type NativePropertyRow = z.infer<typeof nativePropertyRowSchema>;
