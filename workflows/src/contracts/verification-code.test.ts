import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatVerificationCode,
  normaliseVerificationCode,
  VERIFICATION_CODE_BYTES,
  verificationCodeBytes,
} from "./verification-code";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const NEW_FORMAT = /^VO(-[0-9A-HJKMNP-TV-Z]{4}){6}$/;
const codeBytes = fc.uint8Array({ minLength: VERIFICATION_CODE_BYTES, maxLength: VERIFICATION_CODE_BYTES });

describe("the verification code format", () => {
  it("prints 15 bytes as VO and six groups of four Crockford symbols", () => {
    expect(formatVerificationCode(new Uint8Array(VERIFICATION_CODE_BYTES))).toBe("VO-0000-0000-0000-0000-0000-0000");
    expect(formatVerificationCode(new Uint8Array(VERIFICATION_CODE_BYTES).fill(255))).toBe(
      "VO-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ",
    );
    // 0x12 0xAB then zeros: the bits 00010 01010 10101 10000 read 2 A N G (Crockford's own example).
    expect(formatVerificationCode(Uint8Array.from([0x12, 0xab, ...new Array<number>(13).fill(0)]))).toBe(
      "VO-2ANG-0000-0000-0000-0000-0000",
    );
  });

  it("refuses to print anything but 15 bytes", () => {
    expect(() => formatVerificationCode(new Uint8Array(10))).toThrow(RangeError);
    expect(() => formatVerificationCode(new Uint8Array(16))).toThrow(RangeError);
  });

  it("round-trips every 120-bit value through print and read", () => {
    fc.assert(
      fc.property(codeBytes, (bytes) => {
        const code = formatVerificationCode(bytes);
        expect(code).toMatch(NEW_FORMAT);
        expect(verificationCodeBytes(code)).toEqual(bytes);
        expect(normaliseVerificationCode(code)).toBe(code);
      }),
    );
  });
});

describe("reading a typed code", () => {
  const code = "VO-7KQ2-M9XH-4TB3-N8RW-C5DZ-A1E6";

  it("forgives lower case, missing or extra separators, a missing prefix and full-width typing", () => {
    for (const typed of [
      "vo-7kq2-m9xh-4tb3-n8rw-c5dz-a1e6",
      "VO7KQ2M9XH4TB3N8RWC5DZA1E6",
      "7KQ2-M9XH-4TB3-N8RW-C5DZ-A1E6",
      "  VO 7KQ2 M9XH 4TB3 N8RW C5DZ A1E6  ",
      "VO--7KQ2--M9XH-4TB3-N8RW-C5DZ-A1E6",
      "V0-7KQ2-M9XH-4TB3-N8RW-C5DZ-A1E6",
      "VO–7KQ2—M9XH‐4TB3-N8RW-C5DZ-A1E6",
      "ＶＯ－７ＫＱ２－Ｍ９ＸＨ－４ＴＢ３－Ｎ８ＲＷ－Ｃ５ＤＺ－Ａ１Ｅ６",
    ]) {
      expect(normaliseVerificationCode(typed), typed).toBe(code);
    }
  });

  it("reads the confusable letters as Crockford does: I and L as 1, O as 0", () => {
    expect(normaliseVerificationCode("VO-7KQ2-M9XH-4TB3-N8RW-C5DZ-AIE6")).toBe(code);
    expect(normaliseVerificationCode("VO-7KQ2-M9XH-4TB3-N8RW-C5DZ-Ale6")).toBe(code);
    expect(normaliseVerificationCode("VO-OOOO-0000-0000-0000-0000-0000")).toBe("VO-0000-0000-0000-0000-0000-0000");
    // Typed confusables of any code land on that code.
    fc.assert(
      fc.property(codeBytes, (bytes) => {
        const printed = formatVerificationCode(bytes);
        const body = printed.slice(3);
        const typed = `vo ${body.replaceAll("1", "l").replaceAll("0", "o").toLowerCase()}`;
        expect(normaliseVerificationCode(typed)).toBe(printed);
      }),
    );
  });

  it("refuses a wrong length or a symbol outside the alphabet", () => {
    for (const bad of [
      "",
      "VO",
      "VO-7KQ2-M9XH-4TB3-N8RW-C5DZ-A1E",
      "VO-7KQ2-M9XH-4TB3-N8RW-C5DZ-A1E66",
      "VO-7KQ2-M9XH-4TB3-N8RW-C5DZ",
      "VO-7KQ2-M9XH-4TB3-N8RW-C5DZ-A1EU",
      "VO-7KQ2-M9XH-4TB3-N8RW-C5DZ-A1E*",
      "VO-7KQ2-M9XH-4TB3-N8RW-C5DZ-A1E_",
      "XX-7KQ2-M9XH-4TB3-N8RW-C5DZ-A1E6",
      "VO-7KQ2-M9XH-4TB3-N8RW-C5DZ-A1É6",
      "'; drop table",
      `VO-${"7KQ2-".repeat(50)}`,
    ]) {
      expect(normaliseVerificationCode(bad), bad).toBeNull();
      expect(verificationCodeBytes(bad), bad).toBeNull();
    }
  });

  it("keeps reading codes issued before the new format (12 hex digits)", () => {
    expect(normaliseVerificationCode("VO-3F9A-C2D1-77B0")).toBe("VO-3F9A-C2D1-77B0");
    expect(normaliseVerificationCode(" vo-3f9a-c2d1-77b0 ")).toBe("VO-3F9A-C2D1-77B0");
    expect(normaliseVerificationCode("vo3f9ac2d177bo")).toBe("VO-3F9A-C2D1-77B0");
    expect(normaliseVerificationCode("3F9A C2D1 77B0")).toBe("VO-3F9A-C2D1-77B0");
    // They hold no random bytes of the new kind.
    expect(verificationCodeBytes("VO-3F9A-C2D1-77B0")).toBeNull();
    for (const bad of [
      "VO-3F9A-C2D1",
      "VO-3F9A-C2D1-77B",
      "VO-3G9A-C2D1-77B0",
      "XX-3F9A-C2D1-77B0",
      "VO-3F9A-C2D1-77B0-1111",
    ]) {
      expect(normaliseVerificationCode(bad), bad).toBeNull();
    }
  });

  it("uses exactly Crockford's alphabet (no I, L, O or U in a printed code)", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(codeBytes, (bytes) => {
        for (const s of formatVerificationCode(bytes).slice(3).replaceAll("-", "")) seen.add(s);
      }),
      { numRuns: 500 },
    );
    expect([...seen].sort().join("")).toBe(CROCKFORD);
  });
});
