import { describe, expect, it } from "vitest";
import { lockAlreadyChecked, withLockChecked } from "./lock-checked";

describe("the sign-in lock, checked once per request", () => {
  it("counts as checked only inside the route's own call, for the same email and address, across awaits", async () => {
    expect(lockAlreadyChecked("mei@demo.visit-once.local", "203.0.113.5")).toBe(false);
    const inside = await withLockChecked("mei@demo.visit-once.local", "203.0.113.5", async () => {
      await new Promise((r) => setTimeout(r, 5));
      return [
        lockAlreadyChecked("mei@demo.visit-once.local", "203.0.113.5"),
        lockAlreadyChecked("lei@demo.visit-once.local", "203.0.113.5"),
        lockAlreadyChecked("mei@demo.visit-once.local", "203.0.113.6"),
      ];
    });
    expect(inside).toEqual([true, false, false]);
    expect(lockAlreadyChecked("mei@demo.visit-once.local", "203.0.113.5")).toBe(false);
  });
});
