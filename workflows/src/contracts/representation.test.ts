import { describe, expect, it } from "vitest";
import { makeNationalId } from "./national-id";
import {
  beijingDay,
  type BirthCertificate,
  type HouseholdRecord,
  isMinorOn,
  mandateStanding,
  proveMinorChild,
  provenMinorChildren,
} from "./representation";

const MOTHER = "330106198801010023";
const FATHER = makeNationalId("330106", "19870202", 1); // made at run time: no valid number committed
const CHILD = "330106201909150024";
const ADULT_CHILD = "330106200512010018";

const household: HouseholdRecord = {
  householdNo: "H330106000001",
  region: "330106",
  address: "浙江省杭州市西湖区文三路1号",
  headNationalId: FATHER,
  members: [
    { nationalId: FATHER, fullName: "李强", relationToHead: "head" },
    { nationalId: MOTHER, fullName: "王丽", relationToHead: "spouse" },
    { nationalId: CHILD, fullName: "李小雨", relationToHead: "child" },
    { nationalId: ADULT_CHILD, fullName: "李大山", relationToHead: "child" },
  ],
};
const birth = (childName: string, birthDate: string, certificateNo: string): BirthCertificate => ({
  certificateNo,
  childName,
  childSex: "F",
  birthDate,
  birthPlace: "杭州市妇产科医院",
  motherNationalId: MOTHER,
  fatherNationalId: FATHER,
});
const births = [birth("李小雨", "2019-09-15", "Q1"), birth("李大山", "2005-12-01", "Q2")];

describe("proving a minor child from the household and birth records", () => {
  it("proves a child in the parent's household with a birth certificate naming her, under 18", () => {
    expect(proveMinorChild(MOTHER, CHILD, household, births, "2026-12-01")).toEqual({
      ok: true,
      child: { nationalId: CHILD, fullName: "李小雨", birthDate: "2019-09-15", certificateNo: "Q1" },
    });
    expect(proveMinorChild(FATHER, CHILD, household, births, "2026-12-01").ok).toBe(true);
  });

  it("refuses a child of 18 or more: a Beijing-day birthday turns them adult that very day", () => {
    expect(proveMinorChild(MOTHER, ADULT_CHILD, household, births, "2023-11-30")).toMatchObject({ ok: true });
    expect(proveMinorChild(MOTHER, ADULT_CHILD, household, births, "2023-12-01")).toEqual({
      ok: false,
      reason: "adult",
    });
  });

  it("counts the day in Beijing, not UTC: 16:00 UTC is already the next day there", () => {
    expect(beijingDay(new Date("2023-11-30T15:59:59Z"))).toBe("2023-11-30");
    expect(beijingDay(new Date("2023-11-30T16:00:00Z"))).toBe("2023-12-01");
    expect(isMinorOn("2005-12-01", beijingDay(new Date("2023-11-30T16:00:00Z")))).toBe(false);
    expect(isMinorOn("2008-02-29", "2026-02-28")).toBe(true);
    expect(isMinorOn("2008-02-29", "2026-03-01")).toBe(false);
  });

  it("refuses a person in the household with no birth certificate naming the parent", () => {
    expect(proveMinorChild(MOTHER, CHILD, household, [birth("李小雨", "2019-09-16", "Q1")], "2026-12-01")).toEqual({
      ok: false,
      reason: "no-birth-record",
    });
    const otherParents = { ...births[0]!, motherNationalId: "330106199001010027", fatherNationalId: null };
    expect(proveMinorChild(MOTHER, CHILD, household, [otherParents], "2026-12-01")).toEqual({
      ok: false,
      reason: "no-birth-record",
    });
  });

  it("refuses a child outside the parent's household, and the parent herself", () => {
    expect(proveMinorChild(MOTHER, "330106201801010020", household, births, "2026-12-01")).toEqual({
      ok: false,
      reason: "not-in-household",
    });
    expect(proveMinorChild(MOTHER, MOTHER, household, births, "2026-12-01")).toEqual({
      ok: false,
      reason: "not-in-household",
    });
    expect(proveMinorChild("330106199901010020", CHILD, household, births, "2026-12-01")).toEqual({
      ok: false,
      reason: "no-household",
    });
    expect(proveMinorChild(MOTHER, CHILD, null, births, "2026-12-01")).toEqual({ ok: false, reason: "no-household" });
  });

  it("lists only the minor children the records prove", () => {
    expect(provenMinorChildren(MOTHER, household, births, "2026-12-01").map((c) => c.nationalId)).toEqual([CHILD]);
    expect(provenMinorChildren(MOTHER, null, births, "2026-12-01")).toEqual([]);
  });
});

describe("a mandate's standing", () => {
  const terms = { services: ["retirement"], expiresOn: "2026-12-31", revokedAt: null };
  const now = new Date("2026-12-01T02:00:00Z");

  it("lets its holder act for a service in scope before it expires", () => {
    expect(mandateStanding(terms, now, "retirement")).toEqual({ ok: true });
    expect(mandateStanding(terms, now)).toEqual({ ok: true });
  });

  it("refuses a service outside its scope", () => {
    expect(mandateStanding(terms, now, "property-transfer")).toEqual({ ok: false, reason: "out-of-scope" });
  });

  it("holds through its last Beijing day and not a moment after", () => {
    expect(mandateStanding(terms, new Date("2026-12-31T15:59:59Z"), "retirement")).toEqual({ ok: true });
    expect(mandateStanding(terms, new Date("2026-12-31T16:00:00Z"), "retirement")).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("is revoked at once, whatever its expiry and scope", () => {
    expect(mandateStanding({ ...terms, revokedAt: new Date("2026-12-01T01:59:59Z") }, now, "retirement")).toEqual({
      ok: false,
      reason: "revoked",
    });
    expect(mandateStanding({ ...terms, revokedAt: now }, now)).toEqual({ ok: false, reason: "revoked" });
  });
});
