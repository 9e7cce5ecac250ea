import { describe, expect, it } from "vitest";
import { corruptJsonText, faultsFromEnv } from "./faults";

describe("VO_SANDBOX_FAULTS", () => {
  it("reads one department's settings and defaults the rest", () => {
    expect(faultsFromEnv("health", "public-security=latencyMs:50;health=latencyMs:300,errorRate:0.3")).toEqual({
      latencyMs: 300,
      jitterMs: 0,
      errorRate: 0.3,
      outageUntil: null,
      corruptText: false,
    });
    expect(faultsFromEnv("health", "health=corruptText:1").corruptText).toBe(true);
    expect(faultsFromEnv("civil-affairs", "health=latencyMs:300").latencyMs).toBe(0);
  });
  it("names the bad part of a setting", () => {
    expect(() => faultsFromEnv("health", "health=latencyMs:fast")).toThrow(/latencyMs:fast/);
    expect(() => faultsFromEnv("health", "health=errorRate:2")).toThrow(/errorRate/);
  });
  it("corrupts only text in Chinese script, as lone surrogates that survive JSON", () => {
    const out = JSON.parse(
      corruptJsonText(JSON.stringify({ id: "330106199001010011", name: "周敏", nested: [{ addr: "杭州市" }], n: 3 })),
    ) as Record<string, unknown>;
    expect(out).toEqual({ id: "330106199001010011", name: "周敏\ud800", nested: [{ addr: "杭州市\ud800" }], n: 3 });
  });
});
