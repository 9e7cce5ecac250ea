import { describe, expect, it } from "vitest";
import { RequestLog, requestLogOf } from "./request-window";

describe("the last minute's requests", () => {
  it("counts requests, failures and durations within the minute, and forgets older ones", () => {
    const t = 1_000_000;
    const requestLog = new RequestLog();
    requestLog.record(100, false, t);
    requestLog.record(300, true, t + 10_000);
    requestLog.record(50, true, t + 20_000);
    expect(requestLog.window("host:1", t + 30_000)).toEqual({
      replica: "host:1",
      requests: 3,
      failures: 2,
      totalMs: 450,
      maxMs: 300,
    });
    // A minute after the first, it no longer counts.
    expect(requestLog.window("host:1", t + 60_001)).toEqual({
      replica: "host:1",
      requests: 2,
      failures: 2,
      totalMs: 350,
      maxMs: 300,
    });
    expect(requestLog.window("host:1", t + 200_000)).toEqual({
      replica: "host:1",
      requests: 0,
      failures: 0,
      totalMs: 0,
      maxMs: 0,
    });
  });

  it("keeps each department's requests apart (one process may run several departments' workers)", () => {
    const t = 2_000_000;
    requestLogOf("health").record(120, false, t);
    requestLogOf("taxation").record(80, true, t);
    requestLogOf("taxation").record(40, false, t);
    expect(requestLogOf("health").window("host:1", t)).toEqual({
      replica: "host:1",
      requests: 1,
      failures: 0,
      totalMs: 120,
      maxMs: 120,
    });
    expect(requestLogOf("taxation").window("host:1", t)).toEqual({
      replica: "host:1",
      requests: 2,
      failures: 1,
      totalMs: 120,
      maxMs: 80,
    });
  });
});
