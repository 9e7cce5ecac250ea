import { describe, expect, it } from "vitest";
import { faultsFromEnv } from "./faults";

describe("VO_SANDBOX_FAULTS", () => {
  it("reads one department's settings and defaults the rest", () => {
    expect(faultsFromEnv("health", "public-security=latencyMs:50;health=latencyMs:300,errorRate:0.3")).toEqual({
      latencyMs: 300,
      jitterMs: 0,
      errorRate: 0.3,
      outageUntil: null,
    });
    expect(faultsFromEnv("civil-affairs", "health=latencyMs:300").latencyMs).toBe(0);
  });
  it("names the bad part of a setting", () => {
    expect(() => faultsFromEnv("health", "health=latencyMs:fast")).toThrow(/latencyMs:fast/);
    expect(() => faultsFromEnv("health", "health=errorRate:2")).toThrow(/errorRate/);
  });
});
