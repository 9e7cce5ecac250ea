import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { epochMsToChinaDate, mapMarriage, maritalStatus } from "./civil-affairs/mapper";
import { chinaDate } from "./health/mapper";
import { mapPerson, yyyymmddToIso } from "./public-security/mapper";

describe("department code lists and dates to the data standard", () => {
  it("maps Public Security's YYYYMMDD dates and 1/2 sex codes", () => {
    expect(yyyymmddToIso("19920315")).toBe("1992-03-15");
    const p = mapPerson({
      sfzh: "330102199203150021",
      xm: "王美",
      xb: "2",
      csrq: "19920315",
      hjdz_xzqh: "330102",
      hjdz: "x",
      rybh: "R1",
    });
    expect(p).toMatchObject({ sex: "F", birthDate: "1992-03-15", householdRegion: "330102" });
    expect(
      mapPerson({ sfzh: "1", xm: "a", xb: "1", csrq: "20000101", hjdz_xzqh: "330102", hjdz: "x", rybh: "R" }).sex,
    ).toBe("M");
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
    expect(
      mapMarriage({
        DJZH: "J1",
        NF_SFZH: "a",
        NV_SFZH: "b",
        DJRQ_MS: String(Date.parse("2019-05-20T00:00:00+08:00")),
        HYZK: "20",
      }),
    ).toEqual({
      registrationNo: "J1",
      partyNationalIds: ["a", "b"],
      registeredOn: "2019-05-20",
      status: "married",
    });
  });
});

describe("date mappings hold for any date (property tests)", () => {
  const day = fc
    .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  it("YYYYMMDD → ISO is the inverse of dropping the dashes", () => {
    fc.assert(fc.property(day, (iso) => yyyymmddToIso(iso.replaceAll("-", "")) === iso));
  });
  it("any time at +08:00 maps to its own calendar date", () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (iso, h, m) => chinaDate(`${iso}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00+08:00`) === iso,
      ),
    );
  });
  it("midnight in China as epoch milliseconds maps back to that date", () => {
    fc.assert(fc.property(day, (iso) => epochMsToChinaDate(Date.parse(`${iso}T00:00:00+08:00`)) === iso));
  });
  it("every marital status code maps to married or divorced, the 2x codes to married", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("20", "21", "22", "23", "30", "40") as fc.Arbitrary<"20" | "21" | "22" | "23" | "30" | "40">,
        (code) => maritalStatus(code) === (code.startsWith("2") ? "married" : "divorced"),
      ),
    );
  });
});
