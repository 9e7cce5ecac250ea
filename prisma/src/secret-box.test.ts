import { describe, expect, it } from "vitest";
import { open, seal } from "./secret-box";

describe("secret box", () => {
  it("opens what it sealed, and the sealed text does not contain the secret", () => {
    const sealed = seal("JBSWY3DPEHPK3PXP", "app-secret");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(open(sealed, "app-secret")).toBe("JBSWY3DPEHPK3PXP");
  });

  it("seals the same secret differently each time", () => {
    expect(seal("same", "k")).not.toBe(seal("same", "k"));
  });

  it("refuses another key, a tampered value and garbage (null, no throw)", () => {
    const sealed = seal("JBSWY3DPEHPK3PXP", "app-secret");
    expect(open(sealed, "other-secret")).toBeNull();
    const parts = sealed.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(open(parts.join("."), "app-secret")).toBeNull();
    expect(open("not sealed", "app-secret")).toBeNull();
  });
});
