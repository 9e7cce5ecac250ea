import { describe, expect, it } from "vitest";
import { creditCheckCharacter, isValidCreditCode, makeCreditCode } from "./credit-code";

describe("unified social credit codes", () => {
  it("computes the GB 32100 check character of a published code", () => {
    // Alibaba (China) Co., Ltd., as printed on its business licence.
    expect(creditCheckCharacter("91330100799655058")).toBe("B");
  });
  it("makes codes that validate", () => {
    const code = makeCreditCode("330106", "123456789");
    expect(code).toHaveLength(18);
    expect(isValidCreditCode(code)).toBe(true);
    expect(isValidCreditCode(code.slice(0, 17) + (code[17] === "0" ? "1" : "0"))).toBe(false);
  });
});
