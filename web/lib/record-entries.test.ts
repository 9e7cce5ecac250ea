import { describe, expect, it } from "vitest";
import { type CitizenWords, recordEntries, recordFieldRows, recordName } from "./record-entries";

describe("recordEntries", () => {
  it("turns a record into readable rows", () => {
    expect(
      recordEntries({
        householdNo: "H1",
        members: [
          { nationalId: "1", fullName: "A", relationToHead: "02" },
          { nationalId: "2", fullName: "B", relationToHead: "01" },
        ],
        partyNationalIds: ["1", "2"],
        encumbered: false,
        fatherNationalId: null,
        areaSquareMetres: 89.5,
      }),
    ).toEqual([
      { key: "householdNo", value: "H1" },
      { key: "members", value: "1 / A / 02; 2 / B / 01" },
      { key: "partyNationalIds", value: "1; 2" },
      { key: "encumbered", value: false },
      { key: "fatherNationalId", value: null },
      { key: "areaSquareMetres", value: "89.5" },
    ]);
  });
  it("gives nothing for data that is not an object", () => {
    expect(recordEntries(null)).toEqual([]);
    expect(recordEntries([1])).toEqual([]);
    expect(recordEntries("x")).toEqual([]);
  });
});

/** A catalogue with a few words, like next-intl's `t` for "citizen". */
const WORDS: Record<string, string> = { "records.household": "household registration", "recordFields.householdNo": "Household number", "case.yes": "Yes", "case.no": "No" };
const t = Object.assign((key: string) => WORDS[key] ?? `missing:${key}`, { has: (key: string) => key in WORDS }) as CitizenWords;

describe("recordName", () => {
  it("names a known record type, and falls back to the code", () => {
    expect(recordName(t, "household")).toBe("household registration");
    expect(recordName(t, "unheard-of")).toBe("unheard-of");
  });
});

describe("recordFieldRows", () => {
  it("labels the fields it knows, says yes/no for flags and a dash for nothing", () => {
    expect(recordFieldRows({ householdNo: "H1", encumbered: false, verified: true, fatherNationalId: null }, t)).toEqual([
      { key: "householdNo", label: "Household number", value: "H1" },
      { key: "encumbered", label: "encumbered", value: "No" },
      { key: "verified", label: "verified", value: "Yes" },
      { key: "fatherNationalId", label: "fatherNationalId", value: "—" },
    ]);
  });
  it("gives nothing for data that is not an object", () => {
    expect(recordFieldRows(null, t)).toEqual([]);
  });
});
