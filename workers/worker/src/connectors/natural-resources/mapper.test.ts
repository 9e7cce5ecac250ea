import fc from "fast-check";
import { propertyRecordSchema } from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { MORTGAGE_STATES, chineseDateToIso, mapProperty, splitOwnerIds } from "./mapper";

describe("natural-resources: real estate CSV values to the data standard", () => {
  it("reads dates written 2019年05月20日, padded or not", () => {
    expect(chineseDateToIso("2019年05月20日")).toBe("2019-05-20");
    expect(chineseDateToIso("2019年5月2日")).toBe("2019-05-02");
    expect(chineseDateToIso("2019-05-20")).toBe("2019-05-20");
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1950-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }),
        fc.boolean(),
        (d, padded) => {
          const iso = d.toISOString().slice(0, 10);
          const [y, m, day] = iso.split("-") as [string, string, string];
          const text = padded ? `${y}年${m}月${day}日` : `${y}年${Number(m)}月${Number(day)}日`;
          expect(chineseDateToIso(text)).toBe(iso);
        },
      ),
    );
  });

  it("reads the DYZT mortgage state and the |-joined owners", () => {
    expect(MORTGAGE_STATES["有"]).toBe(true);
    expect(MORTGAGE_STATES["无"]).toBe(false);
    expect(splitOwnerIds("330102199203150021|33010219900101001X")).toEqual([
      "330102199203150021",
      "33010219900101001X",
    ]);
    expect(splitOwnerIds(" 330102199203150021 | ")).toEqual(["330102199203150021"]);
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^\d{17}[\dX]$/), { minLength: 1, maxLength: 5 }), (ids) => {
        expect(splitOwnerIds(ids.join("|"))).toEqual(ids);
      }),
    );
  });

  it("maps a whole row", () => {
    const record = mapProperty({
      BDCQZH: "浙(2026)杭州市不动产权第0000001号",
      ZL: "浙江省杭州市西湖区文三路1号",
      XZQDM: "330106",
      MJ: "89.50",
      QLR_ZJH: "330102199203150021|33010219900101001X",
      DJSJ: "2019年05月20日",
      DYZT: "有",
    });
    expect(record).toMatchObject({
      areaSquareMetres: 89.5,
      registeredOn: "2019-05-20",
      encumbered: true,
      region: "330106",
    });
    expect(propertyRecordSchema.safeParse(record).success).toBe(true);
  });
});
