import { describe, expect, it } from "vitest";
import { sameSecret } from "./same-secret";

describe("sameSecret", () => {
  it("accepts only the exact key", () => {
    expect(sameSecret("sandbox-key-health", "sandbox-key-health")).toBe(true);
    expect(sameSecret("sandbox-key-healthy", "sandbox-key-health")).toBe(false);
    expect(sameSecret("", "sandbox-key-health")).toBe(false);
    expect(sameSecret(undefined, "sandbox-key-health")).toBe(false);
    expect(sameSecret(undefined, "")).toBe(false);
  });
});
