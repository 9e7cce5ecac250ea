import { describe, expect, it } from "vitest";
import { currentStep, summariseCase } from "./case-summary";
import type { ApplicationView, InformationRequestView, StepView } from "./steps";

const step = (
  key: string,
  position: number,
  status: StepView["status"],
  departmentCode: string | null,
  dueAt: string | null = null,
): StepView => ({
  key,
  position,
  status,
  departmentCode,
  kind: "DEPARTMENT",
  dueAt,
  detail: null,
  startedAt: null,
  completedAt: null,
});
const request = (id: string, status: InformationRequestView["status"], dueAt: string): InformationRequestView => ({
  id,
  question: "?",
  status,
  dueAt,
  reply: null,
});
const app = (over: Partial<ApplicationView>): Pick<ApplicationView, "status" | "steps" | "requests" | "documents"> => ({
  status: "IN_DEPARTMENTS",
  steps: [],
  requests: [],
  documents: [],
  ...over,
});

describe("summariseCase", () => {
  it("puts the citizen first when a question is open, with the earliest due date", () => {
    const s = summariseCase(
      app({
        steps: [step("a", 1, "AWAITING_DECISION", "civil-affairs", "2026-12-10T00:00:00.000Z")],
        requests: [
          request("r2", "OPEN", "2026-12-20T00:00:00.000Z"),
          request("r1", "OPEN", "2026-12-15T00:00:00.000Z"),
          request("r0", "ANSWERED", "2026-12-01T00:00:00.000Z"),
        ],
      }),
    );
    expect(s.holder).toEqual({ kind: "citizen" });
    expect(s.todo).toEqual({ kind: "answer", count: 2, dueAt: "2026-12-15T00:00:00.000Z" });
  });

  it("names the office of the open step and its due date when nothing is asked of the citizen", () => {
    const s = summariseCase(
      app({
        steps: [
          step("done", 1, "DONE", "health"),
          step("b", 2, "AWAITING_DECISION", "civil-affairs", "2026-12-10T00:00:00.000Z"),
          step("c", 3, "PENDING", "tax"),
        ],
      }),
    );
    expect(s.holder).toEqual({ kind: "office", code: "civil-affairs" });
    expect(s.todo).toEqual({ kind: "nothing", dueAt: "2026-12-10T00:00:00.000Z" });
    expect(s.currentStep?.key).toBe("b");
  });

  it("says a caseworker has a case waiting for one", () => {
    expect(
      summariseCase(app({ status: "AWAITING_CASEWORKER", steps: [step("review", 1, "RUNNING", null)] })).holder,
    ).toEqual({ kind: "caseworker" });
  });

  it("offers the documents of a completed case, and nothing for one closed otherwise", () => {
    const doc = {
      key: "k",
      titleEn: "",
      titleZh: "",
      issuedBy: "",
      verificationCode: "",
      issuedAt: "",
      revokedAt: null,
    };
    expect(summariseCase(app({ status: "COMPLETED", documents: [doc] }))).toMatchObject({
      holder: { kind: "none" },
      todo: { kind: "download" },
    });
    expect(summariseCase(app({ status: "COMPLETED", documents: [{ ...doc, revokedAt: "2026-12-01" }] })).todo).toEqual({
      kind: "closed",
    });
    expect(summariseCase(app({ status: "REJECTED", requests: [request("r", "OPEN", "2026-12-15")] })).todo).toEqual({
      kind: "closed",
    });
  });
});

describe("currentStep", () => {
  it("prefers a step waiting for the citizen, then one with an office, then one running", () => {
    expect(
      currentStep([
        step("r", 1, "RUNNING", null),
        step("d", 2, "AWAITING_DECISION", "x"),
        step("c", 3, "AWAITING_CITIZEN", "y"),
      ])?.key,
    ).toBe("c");
    expect(currentStep([step("r", 1, "RUNNING", null), step("d", 2, "AWAITING_DECISION", "x")])?.key).toBe("d");
    expect(currentStep([step("p", 1, "PENDING", null), step("d", 2, "DONE", "x")])).toBeNull();
  });
});
