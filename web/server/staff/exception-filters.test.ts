import { describe, expect, it } from "vitest";
import { exceptionWhere, filterParams, parseExceptionFilters } from "./exception-filters";

const now = new Date("2026-11-27T00:00:00Z");

describe("exception queue filters", () => {
  it("defaults to open exceptions, page 1, nothing else", () => {
    const f = parseExceptionFilters({});
    expect(f).toEqual({
      kind: undefined,
      service: undefined,
      department: undefined,
      overdue: false,
      state: "open",
      page: 1,
    });
    expect(exceptionWhere(f, now)).toEqual({ AND: [{ status: { not: "RESOLVED" } }] });
    expect(filterParams(f)).toEqual({
      kind: undefined,
      service: undefined,
      department: undefined,
      overdue: undefined,
      state: undefined,
    });
  });

  it("ignores values it does not know", () => {
    const f = parseExceptionFilters({
      kind: "DROP TABLE",
      service: "moon-landing",
      department: "ministry-of-magic",
      state: "all",
      overdue: "yes",
    });
    expect(f).toMatchObject({
      kind: undefined,
      service: undefined,
      department: undefined,
      overdue: false,
      state: "open",
    });
  });

  it("combines every filter, matching a conflict by any of its departments", () => {
    const f = parseExceptionFilters({
      kind: "CONFLICT",
      service: "newborn-registration",
      department: "health",
      overdue: "1",
      state: "resolved",
      page: "2",
    });
    expect(f.page).toBe(2);
    expect(exceptionWhere(f, now)).toEqual({
      AND: [
        { status: "RESOLVED" },
        { kind: "CONFLICT" },
        { application: { serviceCode: "newborn-registration" } },
        {
          OR: [
            { departmentCode: "health" },
            { conflict: { path: ["values"], array_contains: [{ department: "health" }] } },
          ],
        },
        { dueAt: { lt: now } },
      ],
    });
    expect(filterParams(f)).toEqual({
      kind: "CONFLICT",
      service: "newborn-registration",
      department: "health",
      overdue: "1",
      state: "resolved",
    });
  });
});
