import { describe, expect, it } from "vitest";
import { planPrefill, prefillFromRecords } from "./prefill";

describe("prefill", () => {
  it("plans each detail from the most authoritative record the service uses", () => {
    expect(planPrefill(["identity", "household", "medical-insurance"])).toEqual([
      { field: "fullName", recordType: "identity" },
      { field: "sex", recordType: "identity" },
      { field: "birthDate", recordType: "identity" },
      { field: "address", recordType: "identity" },
    ]);
    expect(planPrefill(["household", "property"])).toEqual([{ field: "address", recordType: "household" }]);
    expect(planPrefill(["tax-clearance"])).toEqual([{ field: "fullName", recordType: "tax-clearance" }]);
  });

  it("reads values with their source, falling back when the preferred record is missing", () => {
    const records = [
      {
        recordType: "medical-insurance",
        departmentCode: "medical-security",
        data: { fullName: "周民", birthDate: "1990-01-02", residentialAddress: "Room 1" },
      },
      {
        recordType: "identity",
        departmentCode: "public-security",
        data: { fullName: "周敏", sex: "F", birthDate: "1990-01-02", householdAddress: "" },
      },
    ];
    expect(prefillFromRecords(records)).toEqual([
      { field: "fullName", recordType: "identity", value: "周敏", departmentCode: "public-security" },
      { field: "sex", recordType: "identity", value: "F", departmentCode: "public-security" },
      { field: "birthDate", recordType: "identity", value: "1990-01-02", departmentCode: "public-security" },
      { field: "address", recordType: "medical-insurance", value: "Room 1", departmentCode: "medical-security" },
    ]);
  });

  it("gives nothing when no record holds a detail", () => {
    expect(prefillFromRecords([])).toEqual([]);
    expect(prefillFromRecords([{ recordType: "identity", departmentCode: "public-security", data: null }])).toEqual([]);
  });
});
