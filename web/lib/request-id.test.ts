import { describe, expect, it } from "vitest";
import { newRequestId } from "./request-id";
import { isUuid } from "./validation";

describe("newRequestId", () => {
  it("makes distinct UUIDs", () => {
    const a = newRequestId();
    const b = newRequestId();
    expect(isUuid(a)).toBe(true);
    expect(a).not.toBe(b);
  });
});
