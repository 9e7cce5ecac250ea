import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { loadMessages } from "./messages";

/** Every key path of a nested catalogue, e.g. "common.header.signOut". */
function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("message catalogues", () => {
  it("every language has every message, and none is empty", async () => {
    const [first, ...rest] = await Promise.all(LOCALES.map((l) => loadMessages(l)));
    const expected = keys(first).sort();
    expect(expected.length).toBeGreaterThan(0);
    for (const other of rest) expect(keys(other).sort()).toEqual(expected);
    for (const catalogue of [first, ...rest]) {
      const walk = (v: unknown): void => {
        if (typeof v === "string") expect(v.trim()).not.toBe("");
        else if (v && typeof v === "object") Object.values(v).forEach(walk);
      };
      walk(catalogue);
    }
  });
});
