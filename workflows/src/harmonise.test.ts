import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EvidenceRecord } from "./contracts/records";
import { describeConflict, harmonise } from "./harmonise";

const ME = "330108199405120048";
const SPOUSE = "330108199201010017";
const prov = (departmentCode: string) => ({
  departmentCode,
  sourceRecordId: "x",
  retrievedAt: "2026-11-27T00:00:00.000Z",
  rawSha256: "0".repeat(64),
});
const identity = (over: Record<string, unknown> = {}): EvidenceRecord => ({
  recordType: "identity",
  data: {
    nationalId: ME,
    fullName: "周敏",
    sex: "F",
    birthDate: "1994-05-12",
    householdRegion: "330108",
    householdAddress: "滨江区江南大道1号",
    ...over,
  },
  provenance: prov("public-security"),
});
const medical = (over: Record<string, unknown> = {}): EvidenceRecord => ({
  recordType: "medical-insurance",
  data: {
    nationalId: ME,
    fullName: "周敏",
    birthDate: "1994-05-12",
    residentialAddress: "滨江区江南大道1号",
    scheme: "urban-employee",
    status: "active",
    enrolledOn: "2016-07-01",
    ...over,
  },
  provenance: prov("medical-security"),
});
const household: EvidenceRecord = {
  recordType: "household",
  data: {
    householdNo: "H1",
    region: "330108",
    address: "滨江区江南大道1号",
    headNationalId: SPOUSE,
    members: [
      { nationalId: SPOUSE, fullName: "赵强", relationToHead: "head" },
      { nationalId: ME, fullName: "周敏", relationToHead: "spouse" },
    ],
  },
  provenance: prov("public-security"),
};
const marriage = (status: string): EvidenceRecord => ({
  recordType: "marriage",
  data: { registrationNo: "J1", partyNationalIds: [SPOUSE, ME], registeredOn: "2018-05-20", status },
  provenance: prov("civil-affairs"),
});

describe("harmonisation", () => {
  it("finds nothing when every department agrees", () => {
    expect(harmonise(ME, [identity(), medical(), household, marriage("married")])).toEqual({
      conflicts: [],
      missing: [],
    });
  });

  it("reports a name variant with each value and its source", () => {
    const { conflicts } = harmonise(ME, [identity(), medical({ fullName: "周民" }), household]);
    expect(conflicts).toEqual([
      {
        field: "fullName",
        values: [
          { value: "周敏", recordType: "household", department: "public-security" },
          { value: "周敏", recordType: "identity", department: "public-security" },
          { value: "周民", recordType: "medical-insurance", department: "medical-security" },
        ],
      },
    ]);
    expect(describeConflict(conflicts[0]!)).toBe(
      'The departments disagree on the name: "周敏" (Public Security Bureau) against "周民" (Medical Security Bureau).',
    );
  });

  it("checks birth dates against the date written in the identity number", () => {
    const { conflicts } = harmonise(ME, [identity(), medical({ birthDate: "1994-12-05" })]);
    expect(conflicts[0]?.field).toBe("birthDate");
    expect(conflicts[0]?.values.map((v) => v.value)).toEqual(["1994-05-12", "1994-05-12", "1994-12-05"]);
    // Where the first value comes from is data, not words inside the department's name.
    expect(conflicts[0]?.values[0]).toEqual({
      value: "1994-05-12",
      recordType: "identity",
      department: "public-security",
      source: "identity-number",
    });
  });

  it("reports an outdated address and a marital status the household register contradicts", () => {
    const { conflicts } = harmonise(ME, [
      identity(),
      medical({ residentialAddress: "西湖区文三路9号" }),
      household,
      marriage("divorced"),
    ]);
    expect(conflicts.map((c) => c.field).sort()).toEqual(["address", "maritalStatus"]);
  });

  it("reports a birth certificate that does not name the applicant", () => {
    const birth: EvidenceRecord = {
      recordType: "birth-certificate",
      data: {
        certificateNo: "R1",
        childName: "赵小",
        childSex: "F",
        birthDate: "2026-10-01",
        birthPlace: "x",
        motherNationalId: "330102199203150021",
        fatherNationalId: null,
      },
      provenance: prov("health"),
    };
    const [parent] = harmonise(ME, [birth]).conflicts;
    expect(parent?.field).toBe("parent");
    // "the applicant" is a statement the pages word in the reader's language.
    expect(parent?.values[0]).toMatchObject({
      recordType: "identity",
      department: "application",
      source: "application",
      meaning: "the-applicant",
    });
  });

  it("passes missing records through", () => {
    expect(harmonise(ME, [], [{ recordType: "marriage", department: "civil-affairs" }]).missing).toEqual([
      { recordType: "marriage", department: "civil-affairs" },
    ]);
  });
});

describe("harmonise, whatever order the records arrive in", () => {
  it("reports the same conflicts", () => {
    const subject = "330108199405120048";
    const record = (
      recordType: "identity" | "medical-insurance" | "social-insurance",
      fullName: string,
      departmentCode: string,
    ) => ({
      recordType,
      schemaVersion: 1,
      data: { nationalId: subject, fullName, birthDate: "1994-05-12" },
      provenance: {
        departmentCode,
        sourceRecordId: "x",
        retrievedAt: "2026-11-27T00:00:00Z",
        rawSha256: "0".repeat(64),
      },
    });
    const records = [
      record("identity", "周敏", "public-security"),
      record("medical-insurance", "周民", "medical-security"),
      record("social-insurance", "周敏", "human-resources"),
    ];
    const expected = harmonise(subject, records as never);
    fc.assert(
      fc.property(fc.shuffledSubarray(records, { minLength: 3, maxLength: 3 }), (shuffled) => {
        expect(harmonise(subject, shuffled as never)).toEqual(expected);
      }),
    );
  });
});
