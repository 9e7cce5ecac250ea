import { describe, expect, it } from "vitest";
import { problemsWith } from "./service-definition";
import { SERVICES, type ServiceDefinition } from "./services";

const newborn: ServiceDefinition = SERVICES["newborn-registration"];

describe("service definitions", () => {
  it("publishes at least five sound services", () => {
    expect(Object.keys(SERVICES).length).toBeGreaterThanOrEqual(5);
    for (const s of Object.values(SERVICES)) expect(problemsWith(s)).toEqual([]);
  });

  it("refuses a definition whose steps wait for each other in a cycle", () => {
    const steps = [
      { ...newborn.steps[0]!, key: "a", after: ["b"] },
      { ...newborn.steps[0]!, key: "b", after: ["a"] },
    ];
    expect(problemsWith({ ...newborn, steps })).toEqual(["newborn-registration: the steps wait for each other in a cycle: a, b"]);
  });

  it("refuses evidence from the wrong department, a purpose the catalogue forbids, and rules on records not fetched", () => {
    const problems = problemsWith({
      ...newborn,
      code: "newborn-registration",
      evidence: [{ ...newborn.evidence[0]!, department: "health" }, { recordType: "tax-clearance", department: "taxation", purpose: newborn.evidence[0]!.purpose }],
      eligibility: [{ kind: "min-number", recordType: "social-insurance", field: "contributionMonths", min: 1, message: { en: "x", zh: "x" } }],
      steps: newborn.steps.map((s) => ({ ...s, sees: ["identity"] })),
    });
    expect(problems).toEqual([
      "newborn-registration: identity comes from public-security, not health",
      "newborn-registration: the data catalogue does not allow tax-clearance for this purpose",
      "newborn-registration: an eligibility rule reads social-insurance, which is not fetched",
    ]);
  });

  it("refuses a step that grants an office a record the service does not fetch", () => {
    const steps = [{ ...newborn.steps[0]!, sees: ["identity", "tax-clearance"] as const }];
    expect(problemsWith({ ...newborn, steps: steps.map((s) => ({ ...s, sees: [...s.sees] })) })).toEqual([
      "newborn-registration: step household-registration grants tax-clearance, which is not fetched",
    ]);
  });

  it("refuses malformed fields with the path", () => {
    expect(problemsWith({ ...newborn, version: 0 })).toEqual([expect.stringMatching(/^newborn-registration: version/)]);
  });
});
