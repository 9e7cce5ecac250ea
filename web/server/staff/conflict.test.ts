import { describe, expect, it } from "vitest";
import { conflictChoices, conflictDepartments, readConflict } from "./conflict";

const stored = {
  field: "fullName",
  values: [
    { value: "周敏", recordType: "identity", department: "public-security" },
    { value: "周敏", recordType: "household", department: "public-security" },
    { value: "周民", recordType: "medical-insurance", department: "medical-security" },
  ],
};

describe("stored conflicts", () => {
  it("reads the stored shape and nothing else", () => {
    expect(readConflict(stored)?.field).toBe("fullName");
    for (const bad of [null, undefined, "x", { field: "fullName" }, { field: 1, values: [] }])
      expect(readConflict(bad)).toBeNull();
  });

  it("names each department once", () => {
    expect(conflictDepartments(stored)).toEqual(["public-security", "medical-security"]);
    expect(conflictDepartments(null)).toEqual([]);
  });

  it("offers each value once, with all the records that hold it", () => {
    expect(conflictChoices(readConflict(stored)!, (v) => `${v.department}/${v.recordType}`)).toEqual([
      {
        value: "周敏",
        label: "周敏",
        source: "public-security/identity; public-security/household",
        correctable: true,
      },
      { value: "周民", label: "周民", source: "medical-security/medical-insurance", correctable: true },
    ]);
  });
});
