import { describe, expect, it } from "vitest";
import { checkConsent } from "./consent";

const required = ["identity", "birth-certificate", "marriage"];

describe("checkConsent", () => {
  it("accepts exactly the required records in any order", () => {
    expect(checkConsent(required, ["marriage", "identity", "birth-certificate"])).toBeNull();
  });
  it("rejects a missing record and names it", () => {
    expect(checkConsent(required, ["identity", "marriage"])).toMatch(/Missing: birth-certificate/);
  });
  it("rejects records the service does not use", () => {
    expect(checkConsent(["identity"], ["identity", "marriage"])).toMatch(/does not use these records: marriage/);
  });
  it("rejects duplicates", () => {
    expect(checkConsent(required, ["identity", "identity", "birth-certificate", "marriage"])).toMatch(/more than once/);
  });
  it("rejects an empty consent", () => {
    expect(checkConsent(required, [])).not.toBeNull();
  });
});
