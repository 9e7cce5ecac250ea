import { describe, expect, it } from "vitest";
import { decodeSegment } from "./path-segment";

describe("decodeSegment", () => {
  it("decodes escapes and keeps a malformed one as it is", () => {
    expect(decodeSegment("fetch%3Aidentity")).toBe("fetch:identity");
    expect(decodeSegment("household-registration")).toBe("household-registration");
    expect(decodeSegment("%")).toBe("%");
    expect(decodeSegment("%E0%A4%A")).toBe("%E0%A4%A");
  });
});
