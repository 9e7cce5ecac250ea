import { submitApplicationSchema } from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { describeZodError, isUuid } from "./validation";

describe("describeZodError", () => {
  it("names the field at fault", () => {
    const r = submitApplicationSchema.safeParse({
      applicationId: "x",
      serviceCode: "newborn-registration",
      consent: ["identity"],
    });
    expect(r.success).toBe(false);
    if (!r.success) expect(describeZodError(r.error)).toBe("applicationId: applicationId must be a UUID");
  });
  it("says when the body is not an object", () => {
    const r = submitApplicationSchema.safeParse("hello");
    if (r.success) throw new Error("expected failure");
    expect(describeZodError(r.error)).toBe("The request body must be a JSON object.");
  });
});

describe("isUuid", () => {
  it("tells UUIDs apart", () => {
    expect(isUuid("3f2b8c1e-5d4a-4e2b-9c1d-1a2b3c4d5e6f")).toBe(true);
    expect(isUuid("not-a-uuid")).toBe(false);
    expect(isUuid("3f2b8c1e-5d4a-4e2b-9c1d-1a2b3c4d5e6f' or 1=1")).toBe(false);
  });
});
