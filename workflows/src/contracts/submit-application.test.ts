import { describe, expect, it } from "vitest";
import { applicationWorkflowId } from "./application";
import { submitApplicationSchema } from "./submit-application";

describe("submitting an application", () => {
  const valid = {
    applicationId: "6f1c1c5e-4c1b-4f57-9a38-2f8f8e7f3b10",
    serviceCode: "newborn-registration",
    consent: ["identity"],
  };
  it("accepts a well-formed submission", () => {
    expect(submitApplicationSchema.parse(valid)).toEqual(valid);
  });
  it("rejects an unknown service, a bad id and an empty consent with specific messages", () => {
    expect(submitApplicationSchema.safeParse({ ...valid, serviceCode: "nope" }).success).toBe(false);
    expect(submitApplicationSchema.safeParse({ ...valid, applicationId: "1" }).error?.issues[0]?.message).toBe(
      "applicationId must be a UUID",
    );
    expect(submitApplicationSchema.safeParse({ ...valid, consent: [] }).error?.issues[0]?.message).toMatch(/consent/);
  });
  it("derives the workflow id from the application id alone (no personal data)", () => {
    expect(applicationWorkflowId(valid.applicationId)).toBe(`application-${valid.applicationId}`);
  });
});
