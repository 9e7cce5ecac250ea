import { describe, expect, it } from "vitest";
import { caseActionSchema } from "@visit-once/workflows/contracts";
import { EXCEPTION_KINDS } from "./exception-filters";
import { FITTING_RESOLUTIONS, RESOLUTION_KINDS, resolutionBody } from "./resolutions";

const exceptionId = "6f1c1c1e-8d0a-4a57-9d7e-3f1f1b1b1b1b";

describe("resolutions", () => {
  it("offers every kind of exception a way out, and rejection always", () => {
    for (const kind of EXCEPTION_KINDS) {
      expect(FITTING_RESOLUTIONS[kind].length).toBeGreaterThan(0);
      expect(FITTING_RESOLUTIONS[kind]).toContain("reject");
    }
    expect(FITTING_RESOLUTIONS.CONFLICT).toContain("choose-value");
    expect(FITTING_RESOLUTIONS.OVERDUE_STEP).toEqual(["escalate", "reject"]);
  });

  it("builds a body the case action accepts, for every resolution", () => {
    for (const kind of RESOLUTION_KINDS) {
      const body = resolutionBody(exceptionId, kind, { value: "周敏", text: "the identity record is authoritative" });
      const parsed = caseActionSchema.safeParse(body);
      expect(parsed.success, kind).toBe(true);
    }
    expect(resolutionBody(exceptionId, "choose-value", { value: "周敏", text: "x" }).resolution).toEqual({
      kind: "choose-value",
      value: "周敏",
      justification: "x",
    });
    expect(resolutionBody(exceptionId, "ask-citizen", { text: "Which name?" }).resolution).toEqual({
      kind: "ask-citizen",
      question: "Which name?",
    });
  });
});
