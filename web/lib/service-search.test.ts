import { describe, expect, it } from "vitest";
import { searchServices } from "./service-search";

const services = [
  {
    code: "a",
    title: { en: "Register a newborn", zh: "新生儿出生“一件事”" },
    summary: { en: "Birth and insurance for your baby.", zh: "办理出生登记" },
  },
  {
    code: "b",
    title: { en: "Start a business", zh: "企业开办“一件事”" },
    summary: { en: "Register a company.", zh: "办理营业执照" },
  },
];

describe("searchServices", () => {
  it("returns everything for an empty query", () => {
    expect(searchServices(services, "").map((s) => s.code)).toEqual(["a", "b"]);
    expect(searchServices(services, undefined).map((s) => s.code)).toEqual(["a", "b"]);
  });
  it("matches titles and summaries in both languages, ignoring case", () => {
    expect(searchServices(services, "NEWBORN").map((s) => s.code)).toEqual(["a"]);
    expect(searchServices(services, "company").map((s) => s.code)).toEqual(["b"]);
    expect(searchServices(services, "营业执照").map((s) => s.code)).toEqual(["b"]);
    expect(searchServices(services, "register").map((s) => s.code)).toEqual(["a", "b"]);
  });
  it("needs every word to match", () => {
    expect(searchServices(services, "register baby").map((s) => s.code)).toEqual(["a"]);
    expect(searchServices(services, "pension")).toEqual([]);
  });
});
