// No identity number is committed in clear: every file git tracks is searched for
// GB 11643-valid 18-character numbers, in its text and in every base64 string in it (the
// payloads of saved histories are base64 JSON). Only synthetic fixtures are allowed, and
// nowhere in the saved histories, whose payloads must be sealed by the payload codec.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import { isValidNationalId } from "@visit-once/workflows/contracts/national-id";
import { describe, expect, it } from "vitest";
import { ROOT } from "./paths";

/**
 * Synthetic people, allowed in source and tests: the demo citizens (published personas in
 * prisma/src/demo-accounts.ts and the README), the demo retiree's husband the sandbox
 * population plants beside her (workers/sandboxes/src/population.ts), and the example the
 * standard GB 11643 itself gives (the form's placeholder).
 */
const SYNTHETIC = new Set([...DEMO_CITIZENS.map((c) => c.nationalId), "330105196210210139", "11010519491231002X"]);
const HISTORIES = "workflows/histories/";
const CANDIDATE = /(?<!\d)[1-9]\d{16}[\dXx](?!\d)/g;
const BASE64 = /[A-Za-z0-9+/]{24,}={0,2}/g;

/** Every valid identity number in a text, read as it is and with each base64 string decoded. */
export function identityNumbersIn(text: string): string[] {
  const readings = [text, ...[...text.matchAll(BASE64)].map((m) => Buffer.from(m[0], "base64").toString("utf8"))];
  return [
    ...new Set(
      readings.flatMap((t) => [...t.matchAll(CANDIDATE)].map((m) => m[0].toUpperCase())).filter(isValidNationalId),
    ),
  ];
}

describe("identity numbers in the repository", () => {
  it("finds numbers in clear and inside base64 payloads (and only valid ones)", () => {
    const payload = Buffer.from(JSON.stringify({ subjectNationalId: "330102199203150021" })).toString("base64");
    expect(identityNumbersIn(`{"data": "${payload}"}`)).toEqual(["330102199203150021"]);
    expect(identityNumbersIn("id 11010519491231002x here")).toEqual(["11010519491231002X"]);
    expect(identityNumbersIn("330102199203150022 (bad check character), 1330102199203150021 (19 digits)")).toEqual([]);
  });

  it("holds none outside the synthetic fixtures, and none at all in the saved histories", () => {
    const files = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => f.startsWith(HISTORIES)).length).toBeGreaterThanOrEqual(3);
    const found: string[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(path.join(ROOT, file), "utf8");
      } catch {
        continue; // deleted in the work tree but not yet from the index
      }
      for (const id of identityNumbersIn(text)) {
        if (file.startsWith(HISTORIES) || !SYNTHETIC.has(id)) found.push(`${file}: ${id.slice(0, 6)}…`);
      }
    }
    expect(found).toEqual([]);
  });
});
