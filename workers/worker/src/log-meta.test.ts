import { ApplicationFailure } from "@temporalio/common";
import { describe, expect, it } from "vitest";
import { formatLogMeta } from "./log-meta";

describe("formatLogMeta", () => {
  it("writes an error's name, message, failure type and cause instead of {}", () => {
    const cause = new Error("health system answered HTTP 503");
    const error = ApplicationFailure.create({
      message: "fetch failed",
      type: "DepartmentUnavailable",
      nonRetryable: true,
      cause,
    });
    const parsed = JSON.parse(formatLogMeta({ activityType: "fetchBirthCertificate", error }));
    expect(parsed).toEqual({
      activityType: "fetchBirthCertificate",
      error: {
        name: "ApplicationFailure",
        message: "fetch failed",
        type: "DepartmentUnavailable",
        nonRetryable: true,
        cause: { name: "Error", message: "health system answered HTTP 503" },
      },
    });
  });

  it("leaves other values as they are", () => {
    expect(formatLogMeta({ attempt: 3, taskQueue: "dept-health" })).toBe('{"attempt":3,"taskQueue":"dept-health"}');
  });
});
