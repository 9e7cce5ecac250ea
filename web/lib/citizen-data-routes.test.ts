import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SHOWS_CITIZEN_DATA, SHOWS_NO_CITIZEN_DATA } from "./citizen-data-routes";

const APP = path.resolve(import.meta.dirname, "../app");
const WEB = path.resolve(import.meta.dirname, "..");

/** Every page, route handler and server-action file under web/app, relative to it. */
function entryPoints(): string[] {
  const files = readdirSync(APP, { recursive: true, encoding: "utf8" }).map((f) => f.split(path.sep).join("/"));
  return files
    .filter(
      (f) =>
        /(^|\/)(page\.tsx|route\.ts)$/.test(f) ||
        (/\.ts$/.test(f) && /^\s*["']use server["']/.test(readFileSync(path.join(APP, f), "utf8"))),
    )
    .sort();
}

describe("every page, route and server action says whether it shows a citizen's data", () => {
  it("is in exactly one list: shows citizen data (and is swept) or shows none, with why", () => {
    const listed = [...SHOWS_CITIZEN_DATA.map((r) => r.file), ...Object.keys(SHOWS_NO_CITIZEN_DATA)];
    const found = entryPoints();
    expect(found.length).toBeGreaterThan(20);
    const unlisted = found.filter((f) => !listed.includes(f));
    expect(
      unlisted,
      "add each to SHOWS_CITIZEN_DATA (with its ledger entry and a sweep visit) or SHOWS_NO_CITIZEN_DATA (with why) in web/lib/citizen-data-routes.ts",
    ).toEqual([]);
    // No stale or doubled entry either.
    expect(listed.filter((f) => !found.includes(f))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
    for (const reason of Object.values(SHOWS_NO_CITIZEN_DATA)) expect(reason.length).toBeGreaterThan(10);
  });

  it("names, for each that shows data, a loader that writes the entry", () => {
    for (const r of SHOWS_CITIZEN_DATA) {
      const loader = readFileSync(path.join(WEB, "..", r.writtenBy), "utf8");
      expect(loader, r.writtenBy).toMatch(/recordAccess|recordDecode|recordRefusedUse/);
      expect(r.seenBy.length).toBeGreaterThan(0);
    }
  });
});
