import type { taxClearanceSchema } from "@visit-once/workflows/contracts";
import type { z } from "zod";
import type { NativeClearance } from "./schema";

/** QSBZ, the arrears flag: Y the taxpayer owes tax, N all clear. */
export const ARREARS_FLAGS = { Y: "outstanding", N: "clear" } as const;

/** KJRQ YYYY/MM/DD → YYYY-MM-DD. */
export function slashDateToIso(value: string): string {
  return value.replaceAll("/", "-");
}

/** A decimal amount string in yuan ("12.50") → a number of yuan, to the fen. */
export function yuanAmount(value: string): number {
  return Math.round(Number(value) * 100) / 100;
}

export function mapClearance(c: NativeClearance): z.input<typeof taxClearanceSchema> {
  return {
    certificateNo: c.ZMBH,
    taxpayerId: c.NSRSBH,
    taxpayerName: c.NSRMC,
    status: ARREARS_FLAGS[c.QSBZ],
    outstandingAmountYuan: yuanAmount(c.QSJE),
    asOf: slashDateToIso(c.KJRQ),
  };
}
