import { describe, expect, it } from "vitest";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import { checkCharacter, isValidNationalId, makeNationalId } from "./national-id";

describe("national identity numbers", () => {
  it("computes the GB 11643 check character", () => {
    // The standard's own worked example.
    expect(checkCharacter("11010519491231002")).toBe("X");
  });
  it("makes numbers that validate, and rejects a changed digit", () => {
    const id = makeNationalId("330106", "1990-01-01", 1);
    expect(isValidNationalId(id)).toBe(true);
    const changed = id.slice(0, 5) + ((Number(id[5]) + 1) % 10) + id.slice(6);
    expect(isValidNationalId(changed)).toBe(false);
  });
  it("gives the demo citizens valid numbers", () => {
    for (const c of DEMO_CITIZENS) expect(isValidNationalId(c.nationalId)).toBe(true);
  });
});
