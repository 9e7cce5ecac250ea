import { describe, expect, it } from "vitest";
import type { EvidenceRecord } from "./records";
import {
  basisProblem,
  explainCaseworkRefusal,
  explainEligibility,
  explainStepRefusal,
  type RefusalExplanation,
  refusalText,
} from "./refusal-explanation";
import { refusalExplanationSchema } from "./refusal-explanation-schema";
import { SERVICES } from "./services";

// Every refusal names the rule it applied, the facts and the records it relied on (with the
// department holding each), in both languages: a rule's, an officer's and a caseworker's.

const prov = {
  departmentCode: "x",
  sourceRecordId: "x",
  retrievedAt: "2026-11-27T00:00:00.000Z",
  rawSha256: "0".repeat(64),
};
const record = (recordType: EvidenceRecord["recordType"], data: Record<string, unknown>): EvidenceRecord => ({
  recordType,
  data,
  provenance: prov,
});

describe("refusal explanations", () => {
  it("an eligibility rule names the rule, the values it read and the records with their departments", () => {
    const retirement = SERVICES.retirement;
    const rule = retirement.eligibility[1]!;
    const x = explainEligibility(retirement, rule, [
      record("identity", { birthDate: "1960-01-01", sex: "M" }),
      record("social-insurance", { contributionMonths: 179 }),
    ]);
    expect(refusalExplanationSchema.parse(x)).toEqual(x);
    expect(x).toEqual({
      by: "rule",
      rule: { kind: "eligibility", index: 1, message: rule.message },
      facts: [{ recordType: "social-insurance", field: "contributionMonths", value: 179 }],
      statement: "",
      records: [{ recordType: "social-insurance", department: "human-resources" }],
    });
    const text = refusalText(x);
    expect(text.en).toBe(
      'Refused under the rule "A pension needs at least 15 years of contributions.". Facts: Social insurance contribution history contributionMonths: 179. Records relied on: Social insurance contribution history (Human Resources and Social Security Bureau).',
    );
    expect(text.zh).toContain("养老保险累计缴费须满15年");
    expect(text.zh).toContain("179");
    expect(text.zh).toContain("人力资源和社会保障局");
  });

  it("an age rule reads the birth date and sex from the identity record; a missing record is a fact too", () => {
    const retirement = SERVICES.retirement;
    const x = explainEligibility(retirement, retirement.eligibility[0]!, [
      record("identity", { birthDate: "1971-01-01", sex: "M" }),
    ]);
    expect(x.facts).toEqual([
      { recordType: "identity", field: "birthDate", value: "1971-01-01" },
      { recordType: "identity", field: "sex", value: "M" },
    ]);
    expect(x.records).toEqual([{ recordType: "identity", department: "public-security" }]);
    const none = explainEligibility(retirement, retirement.eligibility[1]!, []);
    expect(none.facts).toEqual([{ recordType: "social-insurance", field: "contributionMonths", value: null }]);
  });

  it("an officer's rejection names the rule chosen, the finding and the records ticked; by default the step's conditions and records", () => {
    const transfer = SERVICES["property-transfer"];
    const step = transfer.steps[0]!;
    const chosen = explainStepRefusal(transfer, step, "The registry shows a mortgage registered on 2026-03-02.", {
      rule: 0,
      records: ["property"],
    });
    expect(chosen).toMatchObject({
      by: "officer",
      office: "natural-resources",
      rule: { kind: "eligibility", index: 0, message: transfer.eligibility[0]!.message },
      statement: "The registry shows a mortgage registered on 2026-03-02.",
      records: [{ recordType: "property", department: "natural-resources" }],
    });
    expect(refusalText(chosen).en).toContain("the mortgage must be released first");
    expect(refusalText(chosen).en).toContain("Real estate registration (Natural Resources and Planning Bureau)");
    expect(refusalText(chosen).zh).toContain("房屋存在抵押");

    const byDefault = explainStepRefusal(transfer, step, "Not the owner.");
    expect(byDefault.rule).toEqual({ kind: "step-condition", stepKey: step.key, title: step.title });
    expect(byDefault.records.map((r) => r.recordType).sort()).toEqual(Object.keys(step.sees.records).sort());
    expect(refusalText(byDefault).en).toMatch(
      /^Refused under the conditions of Registry check\. Finding: Not the owner\. Records relied on: /,
    );
    expect(refusalText(byDefault).zh).toMatch(/^依据产权核验的办理条件不予办理。认定：Not the owner\.所依据的记录：/);
  });

  it("an officer may only rely on the service's rules and the records the step sees", () => {
    const transfer = SERVICES["property-transfer"];
    const step = transfer.steps[0]!;
    expect(basisProblem(transfer, step, { rule: 0, records: ["property"] })).toBeNull();
    expect(basisProblem(transfer, step, { rule: 9, records: [] })).toBe("The service has no such rule.");
    expect(basisProblem(transfer, step, { rule: "step", records: ["vaccination"] })).toBe(
      "This step does not rely on the vaccination record.",
    );
  });

  it("a caseworker's rejection names what the records could not settle, and the records it concerned", () => {
    const newborn = SERVICES["newborn-registration"];
    const x: RefusalExplanation = explainCaseworkRefusal(
      newborn,
      { kind: "MISSING_RECORD", recordType: "marriage" },
      "No marriage on record and none shown.",
    );
    expect(x).toEqual({
      by: "caseworker",
      rule: { kind: "casework", exception: "MISSING_RECORD" },
      facts: [],
      statement: "No marriage on record and none shown.",
      records: [{ recordType: "marriage", department: "civil-affairs" }],
    });
    expect(refusalText(x).en).toBe(
      "Refused under the caseworkers' check (a record the service needs is missing). Finding: No marriage on record and none shown. Records relied on: Marriage registration (Civil Affairs Bureau).",
    );
    expect(refusalText(x).zh).toBe(
      "依据人工核查（缺少办理所需的记录）不予办理。认定：No marriage on record and none shown.所依据的记录：婚姻登记信息（民政局）。",
    );
  });
});
