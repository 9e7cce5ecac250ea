import fc from "fast-check";
import { medicalInsuranceRecordSchema } from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { INSURANCE_TYPES, INSURED_STATES, isoTimestampToChinaDate, mapInsured } from "./mapper";

describe("medical-security: insured person codes and times to the data standard", () => {
  it("reads the insutype and psn_insu_stas code lists", () => {
    expect(INSURANCE_TYPES["310"]).toBe("urban-employee");
    expect(INSURANCE_TYPES["390"]).toBe("urban-rural-resident");
    expect(INSURED_STATES["1"]).toBe("active");
    expect(INSURED_STATES["2"]).toBe("suspended");
    expect(INSURED_STATES["0"]).toBe("terminated");
  });

  it("takes the calendar date in China from ISO 8601 timestamps, whatever the offset", () => {
    expect(isoTimestampToChinaDate("1992-03-15T00:00:00+08:00")).toBe("1992-03-15");
    expect(isoTimestampToChinaDate("1992-03-14T16:00:00Z")).toBe("1992-03-15");
    expect(isoTimestampToChinaDate("1992-03-14T15:59:59Z")).toBe("1992-03-14");
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1930-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 86_399 }),
        (d, second) => {
          const iso = d.toISOString().slice(0, 10);
          const ms = Date.parse(`${iso}T00:00:00+08:00`) + second * 1000;
          expect(isoTimestampToChinaDate(new Date(ms).toISOString())).toBe(iso);
        },
      ),
    );
  });

  it("maps a whole insured person", () => {
    const record = mapInsured({
      psn_no: "330119920315002",
      certno: "330102199203150021",
      psn_name: "周敏",
      brdy: "1992-03-15T00:00:00+08:00",
      addr: "浙江省杭州市上城区某路1号",
      insutype: "310",
      psn_insu_stas: "1",
      psn_insu_date: "2014-07-01T00:00:00+08:00",
    });
    expect(record).toEqual({
      nationalId: "330102199203150021",
      fullName: "周敏",
      birthDate: "1992-03-15",
      residentialAddress: "浙江省杭州市上城区某路1号",
      scheme: "urban-employee",
      status: "active",
      enrolledOn: "2014-07-01",
    });
    expect(medicalInsuranceRecordSchema.safeParse(record).success).toBe(true);
  });
});
