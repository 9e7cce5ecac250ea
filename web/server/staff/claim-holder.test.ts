import { describe, expect, it } from "vitest";
import { claimHolder } from "./claim-holder";

describe("claimHolder", () => {
  it("tells the reader's own claim from another's and from none", () => {
    expect(claimHolder("cw-1", "cw-1")).toBe("me");
    expect(claimHolder("cw-2", "cw-1")).toBe("other");
    expect(claimHolder(null, "cw-1")).toBe("nobody");
  });
});
