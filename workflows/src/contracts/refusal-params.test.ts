import { describe, expect, it } from "vitest";
import { REFUSAL_CODES } from "./case";
import { readRefusalParams, REFUSAL_PARAMS } from "./refusal-params";

describe("refusal parameters", () => {
  it("has a schema for every refusal code", () => {
    expect(Object.keys(REFUSAL_PARAMS).sort()).toEqual([...REFUSAL_CODES].sort());
  });

  it("reads the values a refusal names, and nothing that does not fit its code", () => {
    expect(readRefusalParams("case-not-taking", { status: "AWAITING_CASEWORKER", action: "decide" })).toEqual({
      status: "AWAITING_CASEWORKER",
      action: "decide",
    });
    expect(readRefusalParams("case-not-taking", { status: "a sentence", action: "decide" })).toBeNull();
    expect(readRefusalParams("wrong-office", { stepKey: "household-registration" })).toBeNull();
    expect(readRefusalParams("refetches-used-up", { max: "3" })).toBeNull();
    expect(readRefusalParams("no-such-exception", undefined)).toEqual({});
    expect(readRefusalParams("text-invalid", { problem: "too-long", max: 1000 })).toEqual({
      problem: "too-long",
      max: 1000,
    });
  });
});
