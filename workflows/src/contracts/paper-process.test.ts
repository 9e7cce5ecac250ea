import { describe, expect, it } from "vitest";
import { paperProcess } from "./paper-process";
import { SERVICES } from "./services";

describe("the paper-process baseline", () => {
  it("every service has one, with its source in both languages", () => {
    for (const service of Object.values(SERVICES)) {
      const paper = paperProcess(service);
      expect(paper.workingDays, service.code).toBeGreaterThan(0);
      expect(paper.visits, service.code).toBeGreaterThan(0);
      expect(paper.source.en.length * paper.source.zh.length, service.code).toBeGreaterThan(0);
    }
  });

  it("derives it from the definition: the offices in turn at their time limits, plus a day and a visit per certificate", () => {
    // Newborn registration: 5 + 5 + 10 working days at three offices, five certificates.
    expect(paperProcess(SERVICES["newborn-registration"])).toMatchObject({ workingDays: 25, visits: 8 });
    // Retirement: 20 + 10 working days at two offices, three certificates.
    expect(paperProcess(SERVICES.retirement)).toMatchObject({ workingDays: 33, visits: 5 });
  });
});
