import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RECORD_TYPE_CODES, RECORD_TYPES, type RecordType } from "./records";
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
    expect(problemsWith({ ...newborn, steps })).toEqual([
      "newborn-registration: the steps wait for each other in a cycle: a, b",
    ]);
  });

  it("refuses evidence from the wrong department, a purpose the catalogue forbids, and rules on records not fetched", () => {
    const problems = problemsWith({
      ...newborn,
      code: "newborn-registration",
      evidence: [
        { ...newborn.evidence[0]!, department: "health" },
        { recordType: "tax-clearance", department: "taxation", purpose: newborn.evidence[0]!.purpose },
      ],
      eligibility: [
        {
          kind: "min-number",
          recordType: "social-insurance",
          field: "contributionMonths",
          min: 1,
          message: { en: "x", zh: "x" },
        },
      ],
      steps: newborn.steps.map((s) => ({ ...s, sees: { records: { identity: ["nationalId"] }, typed: [] } })),
    });
    expect(problems).toEqual([
      "newborn-registration: identity comes from public-security, not health",
      "newborn-registration: the data catalogue does not allow tax-clearance for this purpose",
      "newborn-registration: an eligibility rule reads social-insurance, which is not fetched",
    ]);
  });

  it("refuses a step that grants an office a record the service does not fetch", () => {
    const steps = [
      { ...newborn.steps[0]!, sees: { records: { identity: ["fullName"], "tax-clearance": ["status"] }, typed: [] } },
    ];
    expect(problemsWith({ ...newborn, steps })).toEqual([
      "newborn-registration: step household-registration grants tax-clearance, which is not fetched",
    ]);
  });

  it("refuses a grant of a record field the data standard does not have, or a typed field the service does not collect", () => {
    const steps = [
      {
        ...newborn.steps[0]!,
        sees: { records: { identity: ["fullName", "bankAccount"] }, typed: ["babyName", "bankAccount"] },
      },
    ];
    expect(problemsWith({ ...newborn, steps })).toEqual([
      "newborn-registration: step household-registration grants identity.bankAccount, which the data standard does not have",
      "newborn-registration: step household-registration grants the typed field bankAccount, which the service does not collect",
    ]);
  });

  it("refuses a field granted twice and a record type granted with no fields", () => {
    const twice = [
      {
        ...newborn.steps[0]!,
        sees: { records: { identity: ["fullName", "fullName"] }, typed: ["babyName", "babyName"] },
      },
    ];
    expect(problemsWith({ ...newborn, steps: twice })).toEqual([
      "newborn-registration: step household-registration grants a field of identity twice",
      "newborn-registration: step household-registration grants a typed field twice",
    ]);
    const empty = [{ ...newborn.steps[0]!, sees: { records: { identity: [] }, typed: [] } }];
    expect(problemsWith({ ...newborn, steps: empty })).toEqual([
      expect.stringMatching(/^newborn-registration: steps\.0\.sees\.records\.identity /),
    ]);
  });

  it("refuses malformed fields with the path", () => {
    expect(problemsWith({ ...newborn, version: 0 })).toEqual([expect.stringMatching(/^newborn-registration: version/)]);
  });

  it("over every service × step, refuses any grant of a field the data standard or the service does not have, and nothing else", () => {
    const services = Object.values(SERVICES) as ServiceDefinition[];
    const where = fc.constantFrom(...services.flatMap((service) => service.steps.map((_, i) => ({ service, i }))));
    const name = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,12}$/);
    fc.assert(
      fc.property(
        where,
        fc.constantFrom(...RECORD_TYPE_CODES),
        name,
        name,
        ({ service, i }, type: RecordType, recordField, typedField) => {
          const step = service.steps[i]!;
          const fetched = service.evidence.some((e) => e.recordType === type);
          const inStandard = Object.hasOwn(RECORD_TYPES[type].schema.shape, recordField);
          const collected = service.citizenFields.some((f) => f.name === typedField);
          const already = step.sees.records[type] ?? [];
          const sees = {
            records: {
              ...step.sees.records,
              [type]: already.includes(recordField) ? already : [...already, recordField],
            },
            typed: step.sees.typed.includes(typedField) ? step.sees.typed : [...step.sees.typed, typedField],
          };
          const steps = service.steps.map((s, j) => (j === i ? { ...s, sees } : s));
          const problems = problemsWith({ ...service, steps });
          expect(problems.some((p) => p.includes(`grants ${type}, which is not fetched`))).toBe(!fetched);
          expect(
            problems.some((p) => p.includes(`grants ${type}.${recordField}, which the data standard does not have`)),
          ).toBe(!inStandard);
          expect(problems.some((p) => p.includes(`grants the typed field ${typedField},`))).toBe(!collected);
          if (fetched && inStandard && collected) expect(problems).toEqual([]);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
