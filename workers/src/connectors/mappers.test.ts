import { describe, expect, it } from "vitest";
import { epochMsToChinaDate, mapMarriage, maritalStatus } from "./civil-affairs/mapper";
import { chinaDate } from "./health/mapper";
import { mapPerson, yyyymmddToIso } from "./public-security/mapper";

describe("department code lists and dates to the data standard", () => {
  it("maps Public Security's YYYYMMDD dates and 1/2 sex codes", () => {
    expect(yyyymmddToIso("19920315")).toBe("1992-03-15");
    const p = mapPerson({ sfzh: "330102199203150021", xm: "王美", xb: "2", csrq: "19920315", hjdz_xzqh: "330102", hjdz: "x", rybh: "R1" });
    expect(p).toMatchObject({ sex: "F", birthDate: "1992-03-15", householdRegion: "330102" });
    expect(mapPerson({ sfzh: "1", xm: "a", xb: "1", csrq: "20000101", hjdz_xzqh: "330102", hjdz: "x", rybh: "R" }).sex).toBe("M");
  });
  it("takes the calendar date in China from Health's ISO 8601 times, whatever the offset", () => {
    expect(chinaDate("2026-10-01T23:30:00+08:00")).toBe("2026-10-01");
    expect(chinaDate("2026-10-01T16:30:00Z")).toBe("2026-10-02");
  });
  it("reads Civil Affairs' epoch milliseconds and GB/T 2261.2 marital codes", () => {
    expect(epochMsToChinaDate(Date.parse("2019-05-20T00:00:00+08:00"))).toBe("2019-05-20");
    expect(maritalStatus("20")).toBe("married");
    expect(maritalStatus("22")).toBe("married");
    expect(maritalStatus("40")).toBe("divorced");
    expect(mapMarriage({ DJZH: "J1", NF_SFZH: "a", NV_SFZH: "b", DJRQ_MS: String(Date.parse("2019-05-20T00:00:00+08:00")), HYZK: "20" })).toEqual({
      registrationNo: "J1",
      partyNationalIds: ["a", "b"],
      registeredOn: "2019-05-20",
      status: "married",
    });
  });
});
