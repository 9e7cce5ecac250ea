import { describe, expect, it } from "vitest";
import { failureReasons, isFinal, overallStatusText, stepLabel, stepStatusText, type StepView } from "./steps";

const step = (key: string, position: number, status: StepView["status"], detail: string | null = null): StepView => ({
  key,
  position,
  departmentCode: null,
  status,
  detail,
  startedAt: null,
  completedAt: null,
});

describe("step words", () => {
  it("labels the known steps", () => {
    expect(stepLabel("fetch:identity")).toBe("Identity record from Public Security Bureau");
    expect(stepLabel("fetch:birth-certificate")).toBe("Medical birth certificate from Health Commission");
    expect(stepLabel("fetch:marriage")).toBe("Marriage record from Civil Affairs Bureau");
    expect(stepLabel("review")).toBe("Checks and registration");
  });
  it("labels an unknown fetch step from its record type", () => {
    expect(stepLabel("fetch:tax-return", "Tax Bureau")).toBe("Tax return record from Tax Bureau");
  });
  it("names statuses", () => {
    expect(stepStatusText("PENDING")).toBe("Waiting");
    expect(stepStatusText("RUNNING")).toBe("In progress");
    expect(stepStatusText("DONE")).toBe("Done");
    expect(stepStatusText("FAILED")).toBe("Failed");
  });
  it("describes the overall status", () => {
    expect(overallStatusText("SUBMITTED", [])).toBe("Collecting your records…");
    expect(overallStatusText("FETCHING", [])).toBe("Collecting your records…");
    expect(overallStatusText("RECORDS_READY", [])).toBe("Records received");
    expect(overallStatusText("COMPLETED", [])).toBe("Completed");
  });
  it("gives failure reasons from failed steps in order", () => {
    const steps = [step("review", 3, "FAILED", "Mismatch."), step("fetch:birth-certificate", 1, "FAILED", "No record.")];
    expect(failureReasons(steps)).toEqual(["No record.", "Mismatch."]);
    expect(overallStatusText("FAILED", steps)).toBe("Could not be completed: No record. Mismatch.");
    expect(overallStatusText("FAILED", [])).toBe("Could not be completed.");
  });
  it("knows which statuses are final", () => {
    expect(isFinal("COMPLETED")).toBe(true);
    expect(isFinal("FAILED")).toBe(true);
    expect(isFinal("RECORDS_READY")).toBe(false);
  });
});
