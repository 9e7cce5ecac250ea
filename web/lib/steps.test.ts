import { describe, expect, it } from "vitest";
import { isFinal, isStepOverdue } from "./steps";

describe("isFinal", () => {
  it("knows which statuses are final", () => {
    expect(isFinal("COMPLETED")).toBe(true);
    expect(isFinal("FAILED")).toBe(true);
    expect(isFinal("REJECTED")).toBe(true);
    expect(isFinal("CANCELLED")).toBe(true);
    expect(isFinal("RECORDS_READY")).toBe(false);
    expect(isFinal("IN_DEPARTMENTS")).toBe(false);
  });
});

describe("isStepOverdue", () => {
  const now = new Date("2026-11-27T10:00:00Z");
  it("is overdue only while open and past its due date", () => {
    expect(isStepOverdue({ status: "AWAITING_DECISION", dueAt: "2026-11-26T10:00:00Z" }, now)).toBe(true);
    expect(isStepOverdue({ status: "AWAITING_DECISION", dueAt: "2026-11-28T10:00:00Z" }, now)).toBe(false);
    expect(isStepOverdue({ status: "DONE", dueAt: "2026-11-26T10:00:00Z" }, now)).toBe(false);
    expect(isStepOverdue({ status: "PENDING", dueAt: null }, now)).toBe(false);
    expect(isStepOverdue({ status: "PENDING" }, now)).toBe(false);
  });
});
