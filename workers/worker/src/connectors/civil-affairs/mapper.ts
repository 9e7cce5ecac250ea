import type { marriageRecordSchema } from "@visit-once/workflows/contracts";
import type { z } from "zod";
import { epochMsToChinaDate } from "../dates";
import type { NativeMarriageRow } from "./schema";

/** GB/T 2261.2 marital status: 2x are the kinds of being married, 30 widowed, 40 divorced. */
export function maritalStatus(code: NativeMarriageRow["HYZK"]): "married" | "divorced" {
  return code.startsWith("2") ? "married" : "divorced";
}

/** DJRQ_MS, epoch milliseconds → the calendar date in China (UTC+8). */
export { epochMsToChinaDate } from "../dates";

export function mapMarriage(row: NativeMarriageRow): z.input<typeof marriageRecordSchema> {
  return {
    registrationNo: row.DJZH,
    partyNationalIds: [row.NF_SFZH, row.NV_SFZH],
    registeredOn: epochMsToChinaDate(Number(row.DJRQ_MS)),
    status: maritalStatus(row.HYZK),
  };
}
