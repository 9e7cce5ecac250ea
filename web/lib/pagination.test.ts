import { describe, expect, it } from "vitest";
import { pageCount, parsePage } from "./pagination";

describe("pagination", () => {
  it("reads a page number, defaulting to 1", () => {
    expect(parsePage("3")).toBe(3);
    expect(parsePage(undefined)).toBe(1);
    expect(parsePage("0")).toBe(1);
    expect(parsePage("-2")).toBe(1);
    expect(parsePage("2.5")).toBe(1);
    expect(parsePage(["2"])).toBe(1);
    expect(parsePage("9999999")).toBe(1);
  });
  it("counts pages, at least one", () => {
    expect(pageCount(0, 10)).toBe(1);
    expect(pageCount(10, 10)).toBe(1);
    expect(pageCount(11, 10)).toBe(2);
  });
});
