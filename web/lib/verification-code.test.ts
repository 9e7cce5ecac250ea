import { describe, expect, it } from "vitest";
import { isVerificationCode, normaliseVerificationCode } from "./verification-code";

describe("verification codes as people type them", () => {
  it("reads the 120-bit codes forgivingly into their printed form", () => {
    expect(normaliseVerificationCode(" vo 7kq2-m9xh 4tb3-n8rw c5dz-ale6 ")).toBe("VO-7KQ2-M9XH-4TB3-N8RW-C5DZ-A1E6");
    expect(isVerificationCode("VO-7KQ2-M9XH-4TB3-N8RW-C5DZ-A1E6")).toBe(true);
  });
  it("keeps reading the first codes, in any case and with spaces around", () => {
    expect(isVerificationCode("VO-3F9A-C2D1-77B0")).toBe(true);
    expect(isVerificationCode(" vo-3f9a-c2d1-77b0 ")).toBe(true);
    expect(normaliseVerificationCode(" vo-3f9a-c2d1-77b0 ")).toBe("VO-3F9A-C2D1-77B0");
  });
  it("refuses anything else", () => {
    for (const bad of [
      "",
      "VO-3F9A-C2D1",
      "VO-3F9A-C2D1-77B0-1111",
      "XX-3F9A-C2D1-77B0",
      "VO-3G9A-C2D1-77B0",
      "VO-7KQ2-M9XH-4TB3-N8RW-C5DZ-A1EU",
      "'; drop table",
    ]) {
      expect(isVerificationCode(bad), bad).toBe(false);
      expect(normaliseVerificationCode(bad), bad).toBeNull();
    }
  });
});
