import { describe, expect, it } from "vitest";
import { checkCharacter, isValidNationalId, makeNationalId, nationalIdProblem } from "./national-id";

const TODAY = "2026-11-30";

describe("national identity numbers", () => {
  it("computes the GB 11643 check character", () => {
    // The standard's own worked example.
    expect(checkCharacter("11010519491231002")).toBe("X");
  });
  it("makes numbers that validate, and rejects a changed digit", () => {
    const id = makeNationalId("330106", "1990-01-01", 1);
    expect(isValidNationalId(id)).toBe(true);
    expect(nationalIdProblem(id, TODAY)).toBeNull();
    const changed = id.slice(0, 5) + ((Number(id[5]) + 1) % 10) + id.slice(6);
    expect(isValidNationalId(changed)).toBe(false);
    expect(nationalIdProblem(changed, TODAY)).toBe("check-character");
  });
  it("says what is wrong with a typed number: shape, region, birth date, check character", () => {
    expect(nationalIdProblem("12345", TODAY)).toBe("shape");
    expect(nationalIdProblem("11010519491231002x", TODAY)).toBe("shape");
    expect(nationalIdProblem(makeNationalId("990105", "1990-01-01", 1), TODAY)).toBe("region");
    expect(nationalIdProblem(makeNationalId("330000", "1990-01-01", 1), TODAY)).toBe("region");
    expect(nationalIdProblem(makeNationalId("330106", "1990-02-30", 1), TODAY)).toBe("birth-date");
    expect(nationalIdProblem(makeNationalId("330106", "2027-01-01", 1), TODAY)).toBe("birth-date");
    expect(nationalIdProblem(makeNationalId("330106", "1899-12-31", 1), TODAY)).toBe("birth-date");
    expect(nationalIdProblem("11010519491231002X", TODAY)).toBeNull();
  });
});
