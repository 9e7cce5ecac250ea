import { describe, expect, it } from "vitest";
import { checkCitizenFields, type CitizenFieldSpec } from "./citizen-fields";

const specs: CitizenFieldSpec[] = [
  { name: "babyName", kind: "text", required: true },
  { name: "priceYuan", kind: "number", required: true },
  { name: "buyerNationalId", kind: "national-id", required: false },
  { name: "movedOn", kind: "date", required: false },
];

describe("citizen fields", () => {
  it("accepts good values, trims text, turns numbers into numbers and leaves blank optional fields out", () => {
    expect(
      checkCitizenFields(specs, { babyName: "  小明 ", priceYuan: "1200000", buyerNationalId: "", movedOn: " " }),
    ).toEqual({
      ok: true,
      values: { babyName: "小明", priceYuan: 1200000 },
    });
    expect(
      checkCitizenFields(specs, {
        babyName: "A",
        priceYuan: 5,
        buyerNationalId: "11010519491231002x",
        movedOn: "2024-02-29",
      }),
    ).toEqual({
      ok: true,
      values: { babyName: "A", priceYuan: 5, buyerNationalId: "11010519491231002X", movedOn: "2024-02-29" },
    });
  });

  it("names the missing required fields", () => {
    const result = checkCitizenFields(specs, { babyName: "   " });
    expect(result).toEqual({ ok: false, problems: { babyName: "required", priceYuan: "required" } });
  });

  it("refuses malformed values and fields the service does not ask for", () => {
    const result = checkCitizenFields(specs, {
      babyName: "x",
      priceYuan: "-3",
      buyerNationalId: "123",
      movedOn: "2023-02-30",
      extra: "y",
    });
    expect(result).toEqual({
      ok: false,
      problems: { priceYuan: "invalid", buyerNationalId: "invalid", movedOn: "invalid", extra: "invalid" },
    });
  });

  it("refuses text a case could not store, and identity numbers GB 11643 does not allow", () => {
    const base = { priceYuan: 5 };
    expect(checkCitizenFields(specs, { ...base, babyName: "bye\u0000now" })).toEqual({
      ok: false,
      problems: { babyName: "invalid" },
    });
    expect(checkCitizenFields(specs, { ...base, babyName: "a\ud800b" })).toEqual({
      ok: false,
      problems: { babyName: "invalid" },
    });
    expect(checkCitizenFields(specs, { ...base, babyName: "x".repeat(201) })).toEqual({
      ok: false,
      problems: { babyName: "invalid" },
    });
    // The standard's worked example with its check character changed, then with 31 February.
    expect(checkCitizenFields(specs, { ...base, babyName: "A", buyerNationalId: "110105194912310021" })).toEqual({
      ok: false,
      problems: { buyerNationalId: "invalid" },
    });
    expect(checkCitizenFields(specs, { ...base, babyName: "A", buyerNationalId: "110105194902310028" })).toEqual({
      ok: false,
      problems: { buyerNationalId: "invalid" },
    });
  });

  it("treats a missing body as no values", () => {
    expect(checkCitizenFields([], undefined)).toEqual({ ok: true, values: {} });
    expect(checkCitizenFields(specs, null)).toMatchObject({ ok: false });
  });
});
