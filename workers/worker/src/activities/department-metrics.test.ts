import { ApplicationFailure } from "@temporalio/common";
import { INVALID_DEPARTMENT_DATA, RECORD_NOT_FOUND } from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { fetchOutcome, measuredFetch } from "./department-metrics";

describe("department metrics", () => {
  it("labels a fetch's failure: a record not held, unusable data, or a failure Temporal retries", () => {
    expect(fetchOutcome(ApplicationFailure.nonRetryable("none", RECORD_NOT_FOUND))).toBe("not_found");
    expect(fetchOutcome(ApplicationFailure.nonRetryable("bad", INVALID_DEPARTMENT_DATA))).toBe("invalid_data");
    expect(fetchOutcome(new Error("health system answered HTTP 503"))).toBe("failed");
  });

  it("returns the fetch's result and rethrows its failure unchanged (outside an activity it measures nothing)", async () => {
    await expect(measuredFetch("health", "birth-certificate", async () => 42)).resolves.toBe(42);
    const failure = new Error("health system unreachable: TimeoutError");
    await expect(measuredFetch("health", "birth-certificate", () => Promise.reject(failure))).rejects.toBe(failure);
  });
});
