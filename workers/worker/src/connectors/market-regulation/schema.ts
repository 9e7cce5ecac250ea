import { z } from "zod";

/** A registered capital written as text: "500万元人民币", "12.5万元", "1亿元", "80000元". */
export const CAPITAL_PATTERN = /^(\d+(?:\.\d+)?)\s*(亿|万)?元(人民币)?$/;

/** An entity as the business registry lists it. */
export const nativeEntitySchema = z.object({
  tyshxydm: z.string().min(1),
  qymc: z.string().min(1),
  fddbr_zjhm: z.string().min(1),
  djzt: z.enum(["存续", "在业", "吊销", "注销"]),
  clrq: z.number().int(),
  zczb: z.string().trim().regex(CAPITAL_PATTERN, "expected a capital in yuan such as 500万元人民币"),
});
export type NativeEntity = z.infer<typeof nativeEntitySchema>;

/** The business registry's answer to a query by legal representative. */
export const nativeEntitiesSchema = z.object({
  status: z.literal(200),
  data: z.array(nativeEntitySchema),
});
