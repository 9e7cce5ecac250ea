import type { businessRegistrationSchema } from "@visit-once/workflows/contracts";
import type { z } from "zod";
import { epochSecondsToChinaDate } from "../dates";
import { CAPITAL_PATTERN, type NativeEntity } from "./schema";

/** djzt, the registration status word → the standard's status. 在业 is an older word for 存续. */
export const REGISTRATION_STATUSES = { 存续: "active", 在业: "active", 吊销: "revoked", 注销: "cancelled" } as const;

/** clrq, epoch seconds → the calendar date in China (UTC+8). */
export { epochSecondsToChinaDate } from "../dates";

/** "500万元人民币" → 5000000; NaN when the text is not a capital in yuan. */
export function capitalYuan(text: string): number {
  const match = CAPITAL_PATTERN.exec(text.trim());
  if (!match) return Number.NaN;
  const unit = match[2] === "亿" ? 100_000_000 : match[2] === "万" ? 10_000 : 1;
  return Math.round(Number(match[1]) * unit * 100) / 100;
}

export function mapEntity(e: NativeEntity): z.input<typeof businessRegistrationSchema> {
  return {
    creditCode: e.tyshxydm,
    name: e.qymc,
    legalRepresentativeNationalId: e.fddbr_zjhm,
    status: REGISTRATION_STATUSES[e.djzt],
    establishedOn: epochSecondsToChinaDate(e.clrq),
    registeredCapitalYuan: capitalYuan(e.zczb),
  };
}
