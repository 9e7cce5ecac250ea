import { describe, expect, it } from "vitest";
import { DATA_CATALOGUE, mayRequest } from "./catalogue";
import { DEPARTMENT_CODES } from "./departments";
import { RECORD_TYPE_CODES } from "./records";
import { SERVICES } from "./services";

describe("the data catalogue", () => {
  it("describes every record type once, with fields, a legal basis and purposes", () => {
    expect(DATA_CATALOGUE.map((e) => e.recordType).sort()).toEqual([...RECORD_TYPE_CODES].sort());
    for (const e of DATA_CATALOGUE) {
      expect(e.fields.length).toBeGreaterThan(0);
      expect(e.legalBasis.en).not.toBe("");
      expect(e.purposes.length).toBeGreaterThan(0);
    }
  });
  it("has at least one record type from each of the eight departments", () => {
    expect(new Set(DATA_CATALOGUE.map((e) => e.department))).toEqual(new Set(DEPARTMENT_CODES));
    expect(DEPARTMENT_CODES.length).toBeGreaterThanOrEqual(8);
  });
  it("allows every service to request what it needs, and refuses other purposes", () => {
    for (const service of Object.values(SERVICES)) {
      for (const e of service.evidence) expect(mayRequest(e.recordType, service.code)).toBe(true);
    }
    expect(mayRequest("birth-certificate", "property-transfer")).toBe(false);
  });
});
