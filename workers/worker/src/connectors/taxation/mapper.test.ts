import fc from "fast-check";
import { taxClearanceSchema } from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { ARREARS_FLAGS, mapClearance, slashDateToIso, yuanAmount } from "./mapper";

describe("taxation: clearance XML values to the data standard", () => {
  it("reads the QSBZ arrears flag", () => {
    expect(ARREARS_FLAGS.Y).toBe("outstanding");
    expect(ARREARS_FLAGS.N).toBe("clear");
  });

  it("reads KJRQ dates written YYYY/MM/DD", () => {
    expect(slashDateToIso("2026/11/20")).toBe("2026-11-20");
    fc.assert(
      fc.property(fc.date({ min: new Date("1990-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(slashDateToIso(iso.replaceAll("-", "/"))).toBe(iso);
      }),
    );
  });

  it("reads QSJE decimal strings to the fen", () => {
    expect(yuanAmount("12.50")).toBe(12.5);
    expect(yuanAmount("0.00")).toBe(0);
    expect(yuanAmount("30000")).toBe(30000);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        (fen) => yuanAmount((fen / 100).toFixed(2)) === fen / 100,
      ),
    );
  });

  it("maps a whole certificate", () => {
    const record = mapClearance({
      ZMBH: "3320261120",
      NSRSBH: "330102199203150021",
      NSRMC: "王美",
      QSBZ: "Y",
      QSJE: "12.50",
      KJRQ: "2026/11/20",
    });
    expect(record).toEqual({
      certificateNo: "3320261120",
      taxpayerId: "330102199203150021",
      taxpayerName: "王美",
      status: "outstanding",
      outstandingAmountYuan: 12.5,
      asOf: "2026-11-20",
    });
    expect(taxClearanceSchema.safeParse(record).success).toBe(true);
  });
});
