import { describe, expect, it } from "vitest";
import { firstParam, pageCount, pageHref, parsePage, pastTheEnd } from "./pagination";

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
  it("takes the first of a repeated param", () => {
    expect(firstParam(["a", "b"])).toBe("a");
    expect(firstParam("a")).toBe("a");
    expect(firstParam(undefined)).toBeUndefined();
    expect(firstParam([])).toBeUndefined();
  });
  it("names the last page only when a list with items is asked for a page past its end", () => {
    expect(pastTheEnd(99, 21, 20)).toBe(2);
    expect(pastTheEnd(2, 21, 20)).toBeNull();
    expect(pastTheEnd(99, 0, 20)).toBeNull();
  });
  it("keeps the other params and writes page 1 as none", () => {
    expect(pageHref("/x", { a: "1", page: "3", b: undefined }, 2)).toBe("/x?a=1&page=2");
    expect(pageHref("/x", {}, 1)).toBe("/x");
  });
});
