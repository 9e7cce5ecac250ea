import fc from "fast-check";
import { businessRegistrationSchema } from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { REGISTRATION_STATUSES, capitalYuan, epochSecondsToChinaDate, mapEntity } from "./mapper";

describe("market-regulation: business registry values to the data standard", () => {
  it("reads the djzt status words", () => {
    expect(REGISTRATION_STATUSES["存续"]).toBe("active");
    expect(REGISTRATION_STATUSES["在业"]).toBe("active");
    expect(REGISTRATION_STATUSES["吊销"]).toBe("revoked");
    expect(REGISTRATION_STATUSES["注销"]).toBe("cancelled");
  });

  it("takes the calendar date in China from clrq epoch seconds", () => {
    expect(epochSecondsToChinaDate(1570000000)).toBe("2019-10-02");
    expect(epochSecondsToChinaDate(Date.parse("2019-05-20T00:00:00+08:00") / 1000)).toBe("2019-05-20");
    expect(epochSecondsToChinaDate(Date.parse("2019-05-20T23:59:59+08:00") / 1000)).toBe("2019-05-20");
    fc.assert(
      fc.property(fc.date({ min: new Date("1980-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(epochSecondsToChinaDate(Date.parse(`${iso}T00:00:00+08:00`) / 1000)).toBe(iso);
      }),
    );
  });

  it("reads the registered capital from 万元 text", () => {
    expect(capitalYuan("500万元人民币")).toBe(5_000_000);
    expect(capitalYuan("12.5万元")).toBe(125_000);
    expect(capitalYuan("1亿元人民币")).toBe(100_000_000);
    expect(capitalYuan("80000元")).toBe(80_000);
    expect(capitalYuan("500万美元")).toBeNaN();
    expect(capitalYuan("五百万元")).toBeNaN();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (wan) => capitalYuan(`${wan}万元人民币`) === wan * 10_000),
    );
  });

  it("maps a whole entity", () => {
    const record = mapEntity({
      // A valid GB 32100 code (check character A), as the sandbox makes them.
      tyshxydm: "91330106123456789A",
      qymc: "杭州某某科技有限公司",
      fddbr_zjhm: "330102199203150021",
      djzt: "存续",
      clrq: 1570000000,
      zczb: "500万元人民币",
    });
    expect(record).toMatchObject({ status: "active", establishedOn: "2019-10-02", registeredCapitalYuan: 5_000_000 });
    expect(businessRegistrationSchema.safeParse(record).success).toBe(true);
  });
});
