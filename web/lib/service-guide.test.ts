import { describe, expect, it } from "vitest";
import { SERVICES } from "@visit-once/workflows/contracts";
import { guideConditions, serviceGuide, timeLimitWorkingDays } from "./service-guide";

const step = (key: string, after: string[], days: number) => ({ key, after, deadlineWorkingDays: days });

describe("timeLimitWorkingDays", () => {
  it("adds the days along the longest chain; steps side by side count once", () => {
    expect(timeLimitWorkingDays([step("a", [], 5), step("b", ["a"], 3), step("c", [], 10)])).toBe(10);
    expect(timeLimitWorkingDays([step("a", [], 5), step("b", ["a"], 3), step("c", ["b"], 4), step("d", [], 10)])).toBe(
      12,
    );
    expect(timeLimitWorkingDays([step("a", [], 2), step("b", [], 3), step("c", ["a", "b"], 1)])).toBe(4);
    expect(timeLimitWorkingDays([])).toBe(0);
  });

  it("gives retirement 20 working days (its two steps run side by side)", () => {
    expect(serviceGuide(SERVICES.retirement).timeLimitWorkingDays).toBe(20);
  });
});

describe("serviceGuide", () => {
  it("states each service's conditions with their parameters, its records with why, and what you get", () => {
    const guide = serviceGuide(SERVICES.retirement);
    expect(guide.conditions).toEqual([
      { kind: "min-age", women: 55, men: 60 },
      { kind: "min-number", recordType: "social-insurance", field: "contributionMonths", min: 180 },
    ]);
    expect(guide.records.map((r) => r.recordType)).toEqual(["identity", "social-insurance", "medical-insurance"]);
    expect(guide.records[0]!.purpose.zh).toBe("核实年龄");
    expect(guide.outcomes).toEqual([
      {
        key: "pension-certificate",
        title: { en: "Pension approval notice", zh: "养老金核定通知" },
        issuedBy: "human-resources",
      },
    ]);
  });

  it("has a positive time limit and at least one outcome for every published service", () => {
    for (const service of Object.values(SERVICES)) {
      const guide = serviceGuide(service);
      expect(guide.timeLimitWorkingDays, service.code).toBeGreaterThan(0);
      expect(guide.outcomes.length, service.code).toBeGreaterThan(0);
      expect(guide.records.length, service.code).toBe(service.evidence.length);
    }
  });

  it("keeps an equality condition's value as data", () => {
    expect(
      guideConditions([
        { kind: "equals", recordType: "property", field: "encumbered", value: false, message: { en: "", zh: "" } },
      ]),
    ).toEqual([{ kind: "equals", recordType: "property", field: "encumbered", value: false }]);
  });
});
