import { describe, expect, it } from "vitest";
import { isVerificationCode, normaliseVerificationCode } from "./verification-code";

describe("verification codes", () => {
  it("accepts the issued shape, in any case and with spaces around", () => {
    expect(isVerificationCode("VO-3F9A-C2D1-77B0")).toBe(true);
    expect(isVerificationCode(" vo-3f9a-c2d1-77b0 ")).toBe(true);
    expect(normaliseVerificationCode(" vo-3f9a-c2d1-77b0 ")).toBe("VO-3F9A-C2D1-77B0");
  });
  it("refuses anything else", () => {
    for (const bad of ["", "VO-3F9A-C2D1", "VO-3F9A-C2D1-77B0-1111", "XX-3F9A-C2D1-77B0", "VO-3G9A-C2D1-77B0", "'; drop table"]) {
      expect(isVerificationCode(bad)).toBe(false);
    }
  });
});
