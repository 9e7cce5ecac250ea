import { STEP_OFFICES } from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { boardFigures } from "./get-board";

describe("boardFigures", () => {
  it("lists every office, with zeros and no rate where nothing was decided", () => {
    const figures = boardFigures([]);
    expect(figures.map((f) => f.office)).toEqual(STEP_OFFICES);
    expect(figures[0]).toEqual({
      office: STEP_OFFICES[0],
      decided: 0,
      onTime: 0,
      onTimeRate: null,
      medianHandlingSeconds: null,
      backlog: 0,
      overdue: 0,
    });
  });

  it("turns the query's counts into numbers and the on-time rate into a share", () => {
    const figures = boardFigures([
      { office: "health", decided: 4n, on_time: 3n, median_seconds: 90.5, backlog: 2n, overdue: 1n },
    ]);
    expect(figures.find((f) => f.office === "health")).toEqual({
      office: "health",
      decided: 4,
      onTime: 3,
      onTimeRate: 0.75,
      medianHandlingSeconds: 90.5,
      backlog: 2,
      overdue: 1,
    });
  });

  it("ignores rows of offices it does not know", () => {
    expect(
      boardFigures([
        { office: "ministry-of-magic", decided: 1n, on_time: 1n, median_seconds: 1, backlog: 0n, overdue: 0n },
      ]).every((f) => f.decided === 0),
    ).toBe(true);
  });
});
