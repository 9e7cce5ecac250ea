import { describe, expect, it } from "vitest";
import { pageCount, pageHref, parsePage, pastTheEnd } from "./pagination";

describe("pagination", () => {
  it("reads a page number and falls back to 1 for anything else", () => {
    expect(parsePage("3")).toBe(3);
    expect(parsePage(["2", "5"])).toBe(2);
    for (const bad of [undefined, "", "0", "-1", "1.5", "abc", "9999999"]) expect(parsePage(bad)).toBe(1);
  });

  it("counts pages, with at least one", () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(20)).toBe(1);
    expect(pageCount(21)).toBe(2);
  });

  it("sends a page past the end of a list with items to its last page", () => {
    expect(pastTheEnd(99, 21)).toBe(2);
    expect(pastTheEnd(2, 21)).toBeNull();
    expect(pastTheEnd(99, 0)).toBeNull();
  });

  it("keeps the filters and writes page 1 as no parameter", () => {
    expect(pageHref("/staff/tasks", { tab: "done", page: "4" }, 2)).toBe("/staff/tasks?tab=done&page=2");
    expect(pageHref("/staff/tasks", { tab: "done" }, 1)).toBe("/staff/tasks?tab=done");
    expect(pageHref("/staff/tasks", { tab: undefined }, 1)).toBe("/staff/tasks");
  });
});
