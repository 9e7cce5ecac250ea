import type { propertyRecordSchema } from "@visit-once/workflows/contracts";
import type { z } from "zod";
import type { NativePropertyRow } from "./schema";

/** DYZT, the mortgage state: 有 (there is one) or 无 (none). */
export const MORTGAGE_STATES = { 有: true, 无: false } as const;

/** 2019年05月20日 (or 2019年5月20日) → 2019-05-20; anything else is returned unchanged. */
export function chineseDateToIso(value: string): string {
  const match = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(value.trim());
  if (!match) return value;
  return `${match[1]}-${match[2]!.padStart(2, "0")}-${match[3]!.padStart(2, "0")}`;
}

/** QLR_ZJH: owners' identity numbers joined by "|". */
export function splitOwnerIds(value: string): string[] {
  return value
    .split("|")
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
}

export function mapProperty(row: NativePropertyRow): z.input<typeof propertyRecordSchema> {
  return {
    certificateNo: row.BDCQZH,
    address: row.ZL,
    region: row.XZQDM,
    areaSquareMetres: Number(row.MJ),
    ownerNationalIds: splitOwnerIds(row.QLR_ZJH),
    registeredOn: chineseDateToIso(row.DJSJ),
    encumbered: MORTGAGE_STATES[row.DYZT],
  };
}
