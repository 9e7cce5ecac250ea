import { describe, expect, it } from "vitest";
import { recordEntries } from "./record-entries";

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
