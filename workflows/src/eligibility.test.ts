import { describe, expect, it } from "vitest";
import type { EvidenceRecord } from "./contracts/records";
import { SERVICES } from "./contracts/services";
import { ageOn, unmetRules, withChosenValues } from "./eligibility";

const prov = {
  departmentCode: "public-security",
  sourceRecordId: "x",
  retrievedAt: "2026-11-27T00:00:00.000Z",
  rawSha256: "0".repeat(64),
};
const identity = (birthDate: string, sex: "F" | "M"): EvidenceRecord => ({
  recordType: "identity",
  data: { birthDate, sex },
  provenance: prov,
});
const insurance = (contributionMonths: number): EvidenceRecord => ({
  recordType: "social-insurance",
  data: { contributionMonths },
  provenance: prov,
});
const rules = SERVICES.retirement.eligibility;

describe("eligibility", () => {
  it("counts whole years, the birthday itself included", () => {
    expect(ageOn("1966-11-27", "2026-11-27")).toBe(60);
    expect(ageOn("1966-11-28", "2026-11-27")).toBe(59);
    expect(ageOn("1966-12-01", "2026-11-27")).toBe(59);
  });
  it("applies the retirement ages by sex and the 15 contribution years", () => {
    expect(unmetRules(rules, [identity("1971-01-01", "F"), insurance(200)], "2026-11-27")).toEqual([]);
    expect(unmetRules(rules, [identity("1971-01-01", "M"), insurance(200)], "2026-11-27").map((r) => r.kind)).toEqual([
      "min-age",
    ]);
    expect(unmetRules(rules, [identity("1960-01-01", "M"), insurance(179)], "2026-11-27").map((r) => r.kind)).toEqual([
      "min-number",
    ]);
  });
  it("fails a rule whose record is missing", () => {
    expect(unmetRules(rules, [identity("1960-01-01", "M")], "2026-11-27").map((r) => r.kind)).toEqual(["min-number"]);
  });
  it("compares equality rules exactly", () => {
    const propertyRules = SERVICES["property-transfer"].eligibility;
    const property = (encumbered: boolean): EvidenceRecord => ({
      recordType: "property",
      data: { encumbered },
      provenance: prov,
    });
    const tax = (status: string): EvidenceRecord => ({
      recordType: "tax-clearance",
      data: { status },
      provenance: prov,
    });
    expect(unmetRules(propertyRules, [property(false), tax("clear")], "2026-11-27")).toEqual([]);
    expect(unmetRules(propertyRules, [property(true), tax("outstanding")], "2026-11-27")).toHaveLength(2);
  });

  it("counts the birth date a caseworker chose over the one on the identity record", () => {
    const records = [identity("1971-01-01", "M"), insurance(200)];
    const chosen = [{ conflict: { field: "birthDate" }, status: "RESOLVED", chosenValue: "1960-01-01" }];
    expect(unmetRules(rules, records, "2026-11-27").map((r) => r.kind)).toEqual(["min-age"]);
    expect(unmetRules(rules, withChosenValues(records, chosen), "2026-11-27")).toEqual([]);
    // An open conflict, or another field, changes nothing.
    expect(withChosenValues(records, [{ ...chosen[0]!, status: "OPEN" }])).toBe(records);
    expect(withChosenValues(records, [{ ...chosen[0]!, conflict: { field: "fullName" } }])).toBe(records);
  });
});
