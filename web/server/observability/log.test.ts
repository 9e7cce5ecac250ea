import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { logLevel } from "@/env";
import { createWebLogger } from "./log";

function capture(level = "info") {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split("\n")) if (l.trim()) lines.push(JSON.parse(l));
      done();
    },
  });
  return { log: createWebLogger(level, sink), lines };
}

describe("the web's logger", () => {
  it("writes JSON with the case and request ids, an error as its name and message, and personal data redacted", () => {
    const { log, lines } = capture();
    const err = new Error("Temporal unreachable");
    log.error(
      {
        caseId: "c-1",
        requestId: "r-1",
        err,
        body: { nationalId: "11010519491231002X" },
        user: { email: "mei@demo.visit-once.local" },
      },
      "could not start the case",
    );
    expect(lines[0]).toMatchObject({
      level: "error",
      process: "web",
      caseId: "c-1",
      requestId: "r-1",
      err: { name: "Error", message: "Temporal unreachable" },
      body: "[redacted]",
      user: { email: "[redacted]" },
    });
    expect(JSON.stringify(lines[0])).not.toMatch(/11010519491231002X|mei@demo/);
  });

  it("takes VO_LOG_LEVEL alone: unset, warn under the test runner (info otherwise); a wrong one, info (env() refuses it at start)", () => {
    expect(logLevel({})).toBe("warn");
    expect(logLevel({ VO_LOG_LEVEL: "debug" })).toBe("debug");
    expect(logLevel({ VO_LOG_LEVEL: "loud" })).toBe("info");
  });
});
