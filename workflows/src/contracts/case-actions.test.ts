import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { caseActionArgs, caseActionSchema } from "./case-action-args";
import {
  actorsOf,
  ALLOWED_ACTIONS,
  CASE_ACTION_NAMES,
  CASE_ACTIONS,
  type CaseActionName,
  caseActionsOf,
  caseUpdates,
  isCaseAction,
} from "./case-actions";
import { CASE_STATUSES, FINAL_STATUSES } from "./case-status";

// The case-action table and what is derived from it.

/** Good arguments for each action: the table's schemas must take these. */
const GOOD: { [N in CaseActionName]: Record<string, unknown> } = {
  cancel: { reason: "We moved." },
  reply: { informationRequestId: randomUUID(), reply: "At home, with a midwife." },
  dispute: { recordType: "household", explanation: "My address moved in 2025." },
  confirm: {},
  withdraw: { recordType: "marriage" },
  decide: { stepKey: "household-registration", decision: "approve", reason: "" },
  resolve: { exceptionId: randomUUID(), resolution: { kind: "accept", justification: "The record is right." } },
  correct: {
    correctionId: randomUUID(),
    answer: { kind: "correct", fields: [{ field: "birthPlace", value: "杭州市妇产科医院" }], note: "" },
  },
  "request-review": { reviewId: randomUUID(), grounds: "The household record is out of date." },
  review: { reviewId: randomUUID(), outcome: "overturn", reasons: "The record was corrected at the source." },
};

/** For each action, arguments it must refuse (each one wrong in one way). */
const BAD: { [N in CaseActionName]: Record<string, unknown>[] } = {
  correct: [
    { correctionId: "not-a-uuid", answer: { kind: "refuse", reason: "Our register is right." } },
    { correctionId: randomUUID(), answer: { kind: "correct", fields: [], note: "" } },
    {
      correctionId: randomUUID(),
      answer: { kind: "correct", fields: [{ field: "birthPlace", value: " " }], note: "" },
    },
    { correctionId: randomUUID(), answer: { kind: "refuse", reason: "" } },
    { correctionId: randomUUID(), answer: { kind: "delete" } },
    {
      correctionId: randomUUID(),
      answer: { kind: "correct", fields: [{ field: "birth place", value: "x" }], note: "" },
    },
  ],
  cancel: [{ reason: 42 }, { reason: "bye\u0000now" }, { reason: "x".repeat(1001) }],
  reply: [
    { reply: "here" },
    { informationRequestId: "not-a-uuid", reply: "here" },
    { informationRequestId: randomUUID(), reply: "" },
    { informationRequestId: randomUUID(), reply: "x".repeat(2001) },
  ],
  dispute: [
    { recordType: "diary", explanation: "wrong" },
    { recordType: "household", explanation: "" },
    { recordType: "household", explanation: "a\u001bb" },
    { explanation: "wrong" },
  ],
  /** Nothing to get wrong: it takes no arguments (anything else sent is dropped). */
  confirm: [],
  withdraw: [{ recordType: "diary" }, {}, { recordType: 7 }],
  decide: [
    { stepKey: "household-registration", decision: "maybe" },
    { stepKey: "Household Registration", decision: "approve" },
    { stepKey: "x".repeat(81), decision: "approve" },
    { decision: "approve" },
    { stepKey: "household-registration", decision: "reject", basis: { rule: -1, records: [] } },
    { stepKey: "household-registration", decision: "reject", basis: { rule: "step", records: ["diary"] } },
  ],
  "request-review": [
    { reviewId: "not-a-uuid", grounds: "wrong" },
    { reviewId: randomUUID(), grounds: "" },
    { reviewId: randomUUID(), grounds: "a\u0000b" },
    { grounds: "wrong" },
  ],
  review: [
    { reviewId: randomUUID(), outcome: "maybe", reasons: "x" },
    { reviewId: randomUUID(), outcome: "uphold", reasons: "" },
    { reviewId: "1", outcome: "uphold", reasons: "x" },
    { outcome: "uphold", reasons: "x" },
  ],
  resolve: [
    { exceptionId: "1", resolution: { kind: "refetch" } },
    { exceptionId: randomUUID(), resolution: { kind: "guess" } },
    { exceptionId: randomUUID(), resolution: { kind: "choose-value", value: "", justification: "id card" } },
    { exceptionId: randomUUID() },
  ],
};

/** The update names running cases and saved histories use: they never change. */
const WIRE_NAMES = {
  cancel: "cancel",
  reply: "replyToRequest",
  dispute: "disputeRecord",
  decide: "decideStep",
  resolve: "resolveException",
  correct: "answerCorrection",
  "request-review": "requestReview",
  review: "decideReview",
  confirm: "confirmPreview",
  withdraw: "withdrawConsent",
};

/** The status table as it stood before the table existed (plus a department's answer to a correction, wherever a dispute is taken, and review wherever a refusal may wait for one). */
const EXPECTED_ALLOWED = {
  SUBMITTED: ["cancel"],
  FETCHING: ["cancel"],
  RECORDS_READY: ["dispute", "correct", "cancel", "request-review", "review"],
  AWAITING_CONFIRMATION: ["confirm", "withdraw", "dispute", "correct", "cancel"],
  AWAITING_CASEWORKER: ["resolve", "reply", "dispute", "correct", "cancel", "request-review", "review"],
  IN_DEPARTMENTS: ["decide", "resolve", "reply", "dispute", "correct", "cancel", "request-review", "review"],
  ISSUING: ["cancel"],
  COMPLETED: [],
  REJECTED: [],
  CANCELLED: [],
  FAILED: [],
};

describe("the case-action table", () => {
  it("takes each action's good arguments, in its own schema and in the request schema", () => {
    for (const n of CASE_ACTION_NAMES) {
      expect(caseActionArgs[n].safeParse(GOOD[n]).success, n).toBe(true);
      expect(caseActionSchema.safeParse({ action: n, ...GOOD[n] }).success, n).toBe(true);
    }
  });

  it("refuses each action's bad arguments, naming the field at fault", () => {
    for (const n of CASE_ACTION_NAMES) {
      if (Object.keys(caseActionArgs[n].shape).length > 0) expect(BAD[n].length, n).toBeGreaterThan(0);
      for (const args of BAD[n]) {
        const parsed = caseActionSchema.safeParse({ action: n, ...args });
        expect(parsed.success, `${n} ${JSON.stringify(args).slice(0, 60)}`).toBe(false);
        expect(parsed.error!.issues[0]!.path.length, n).toBeGreaterThan(0);
      }
    }
  });

  it("refuses an action it does not know, and another action's arguments under a name", () => {
    expect(caseActionSchema.safeParse({ action: "decideStep", ...GOOD.decide }).success).toBe(false);
    expect(caseActionSchema.safeParse({ action: "approve" }).success).toBe(false);
    expect(caseActionSchema.safeParse({ action: "reply", ...GOOD.dispute }).success).toBe(false);
    expect(isCaseAction("decide")).toBe(true);
    expect(isCaseAction("toString")).toBe(false);
  });

  it("cleans text and fills defaults as the workflow receives them", () => {
    expect(caseActionSchema.parse({ action: "cancel" })).toEqual({ action: "cancel", reason: "" });
    expect(
      caseActionSchema.parse({
        action: "decide",
        stepKey: "household-registration",
        decision: "reject",
        reason: "  No birth record.  ",
      }),
    ).toEqual({
      action: "decide",
      stepKey: "household-registration",
      decision: "reject",
      reason: "No birth record.",
    });
  });

  it("keeps every update's name on the wire, and derives each update from its row", () => {
    expect(Object.fromEntries(CASE_ACTION_NAMES.map((n) => [n, caseUpdates[n].name]))).toEqual(WIRE_NAMES);
    for (const n of CASE_ACTION_NAMES)
      expect(caseUpdates[n]).toMatchObject({ type: "update", name: CASE_ACTIONS[n].update });
    expect(new Set(CASE_ACTION_NAMES.map((n) => CASE_ACTIONS[n].update)).size).toBe(CASE_ACTION_NAMES.length);
  });

  it("allows in each status exactly the actions whose rows list it", () => {
    const sorted = (table: Record<string, readonly string[]>) =>
      Object.fromEntries(Object.entries(table).map(([s, actions]) => [s, [...actions].sort()]));
    expect(sorted(ALLOWED_ACTIONS)).toEqual(sorted(EXPECTED_ALLOWED));
    for (const s of CASE_STATUSES) {
      for (const n of CASE_ACTION_NAMES)
        expect(ALLOWED_ACTIONS[s].includes(n), `${s} ${n}`).toBe(
          (CASE_ACTIONS[n].statuses as readonly string[]).includes(s),
        );
    }
    for (const s of FINAL_STATUSES) expect(ALLOWED_ACTIONS[s]).toEqual([]);
  });

  it("gives each action to its roles, with the key its target is found by", () => {
    expect(caseActionsOf("CITIZEN")).toEqual(["cancel", "reply", "dispute", "confirm", "withdraw", "request-review"]);
    expect(caseActionsOf("OFFICER", "review")).toEqual(["review"]);
    expect(caseActionsOf("CASEWORKER", "review")).toEqual(["review"]);
    expect(caseActionsOf("CITIZEN", "review")).toEqual([]);
    expect(actorsOf("review")).toEqual(["OFFICER", "CASEWORKER"]);
    expect(actorsOf("decide")).toEqual(["OFFICER"]);
    expect(caseActionsOf("OFFICER", "task")).toEqual(["decide"]);
    expect(caseActionsOf("CASEWORKER", "exception")).toEqual(["resolve"]);
    expect(caseActionsOf("OFFICER", "correction")).toEqual(["correct"]);
    for (const n of CASE_ACTION_NAMES) {
      const keys = Object.keys(caseActionArgs[n].shape);
      if (CASE_ACTIONS[n].target === "task") expect(keys, n).toContain("stepKey");
      if (CASE_ACTIONS[n].target === "exception") expect(keys, n).toContain("exceptionId");
      if (CASE_ACTIONS[n].target === "correction") expect(keys, n).toContain("correctionId");
      if (CASE_ACTIONS[n].target === "review") expect(keys, n).toContain("reviewId");
      expect(keys, n).not.toContain("action");
      expect(keys, n).not.toContain("requestId");
      expect(keys, n).not.toContain("actorId");
    }
  });
});
