import { normaliseVerificationCode, verificationCodeBytes } from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { mintVerificationCode } from "./verification-code";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

describe("minting verification codes", () => {
  it("mints 10,000 distinct, canonical 120-bit codes that use every symbol about equally", () => {
    const codes = Array.from({ length: 10_000 }, mintVerificationCode);
    expect(new Set(codes).size).toBe(codes.length);
    const counts = new Map<string, number>();
    for (const code of codes) {
      expect(code).toMatch(/^VO(-[0-9A-HJKMNP-TV-Z]{4}){6}$/);
      expect(normaliseVerificationCode(code)).toBe(code);
      expect(verificationCodeBytes(code)).toHaveLength(15);
      for (const s of code.slice(3).replaceAll("-", "")) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    expect([...counts.keys()].sort().join("")).toBe(CROCKFORD);
    // 240,000 symbols, 7,500 expected each (σ ≈ 85); a uniform source stays within ±7%, six σ, so this never flakes.
    for (const [symbol, n] of counts) expect(Math.abs(n - 7_500), symbol).toBeLessThan(525);
  });
});
