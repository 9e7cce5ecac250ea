import { z } from "zod";

/** The Public Security population register's native person record. */
export const nativePersonSchema = z.object({
  code: z.literal("0"),
  data: z.object({
    sfzh: z.string(),
    xm: z.string(),
    xb: z.enum(["1", "2"]),
    csrq: z.string().regex(/^\d{8}$/),
    hjdz_xzqh: z.string(),
    hjdz: z.string(),
    rybh: z.string(),
  }),
});
export type NativePerson = z.infer<typeof nativePersonSchema>["data"];

/** The household register's native household record. */
export const nativeHouseholdSchema = z.object({
  code: z.literal("0"),
  data: z.object({
    hh: z.string(),
    hjdz_xzqh: z.string(),
    hjdz: z.string(),
    hzsfzh: z.string(),
    cy: z.array(z.object({ sfzh: z.string(), xm: z.string(), yhzgx: z.string() })),
  }),
});
export type NativeHousehold = z.infer<typeof nativeHouseholdSchema>["data"];
