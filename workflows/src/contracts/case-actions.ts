import type { UpdateDefinition } from "@temporalio/common";
import { defineUpdate } from "@temporalio/workflow";
import type { z } from "zod";
import type { SchemaKit } from "./case-action-args";
import { CASE_STATUSES, type CaseStatus } from "./case-status";
import type { StepOffice } from "./departments";
import type { Reviewer } from "./review";

// The one table of what people do to a running case. Each row is one action: its name (the
// web's request, the access policy and the audit log spell it so), the Temporal update that
// carries it, who does it and to what, the statuses that take it, and its arguments as a zod
// schema. Everything else is derived from here: the argument types, the update definitions,
// the status table the workflow checks, the policy's grants, the web's request parsing and
// client types. See workflows/README.md, "How to add a case action".
//
// The schemas are written as functions of a kit (zod and the contracts' text rules) so that
// this file loads in the workflow bundle without zod: the workflow needs the names and the
// statuses, the web and the workers build the schemas (./case-action-args).

/** Who acts on a case. An action is one role's, or (a review's decision) several roles'. */
export type CaseActor = "CITIZEN" | "OFFICER" | "CASEWORKER";

/**
 * What the access policy checks an action against: the case as a whole (its citizen), one of
 * its department steps (`stepKey` in the arguments: the step's office), or one of its
 * exceptions (`exceptionId`: who holds it), or one of its correction tasks (`correctionId`: the
 * department that holds the record), or one of its reviews (`reviewId`: the desk that refused,
 * its supervising office, and who refused).
 */
export type CaseActionTarget = "case" | "task" | "exception" | "correction" | "review";

interface CaseActionRule {
  /** The Temporal update's name. Running cases and saved histories use it: never rename one that shipped. */
  update: string;
  /** How the workflow's refusal (in English, for logs and the API) names it; the pages word it from `common.case.caseAction`. */
  noun: string;
  by: CaseActor | readonly CaseActor[];
  target: CaseActionTarget;
  /** The statuses in which the case takes it; in any other it is refused and nothing changes. */
  statuses: readonly CaseStatus[];
  /** What the person sends besides the action's name (the request id and actor are added by the web). */
  args: (k: SchemaKit) => z.ZodObject;
}

const OPEN: readonly CaseStatus[] = [
  "SUBMITTED",
  "FETCHING",
  "RECORDS_READY",
  "AWAITING_CONFIRMATION",
  "AWAITING_CASEWORKER",
  "IN_DEPARTMENTS",
  "ISSUING",
];

export const CASE_ACTIONS = {
  cancel: {
    update: "cancel",
    noun: "cancellation",
    by: "CITIZEN",
    target: "case",
    statuses: OPEN,
    args: ({ z, text }) => z.object({ reason: text("reason").default("") }),
  },
  reply: {
    update: "replyToRequest",
    noun: "a reply",
    by: "CITIZEN",
    target: "case",
    statuses: ["AWAITING_CASEWORKER", "IN_DEPARTMENTS"],
    args: ({ z, text }) =>
      z.object({ informationRequestId: z.uuid(), reply: text("reply").pipe(z.string().min(1, "write your answer")) }),
  },
  dispute: {
    update: "disputeRecord",
    noun: "a dispute about a record",
    by: "CITIZEN",
    target: "case",
    statuses: ["RECORDS_READY", "AWAITING_CONFIRMATION", "AWAITING_CASEWORKER", "IN_DEPARTMENTS"],
    args: ({ z, text, recordType }) =>
      z.object({ recordType, explanation: text("reason").pipe(z.string().min(1, "say what is wrong")) }),
  },
  /** At the preview: she has looked at the values retrieved for her and lets the case go on with them. */
  confirm: {
    update: "confirmPreview",
    noun: "a confirmation of the records",
    by: "CITIZEN",
    target: "case",
    statuses: ["AWAITING_CONFIRMATION"],
    args: ({ z }) => z.object({}),
  },
  /** At the preview: she takes back her consent for one record the service can do without. */
  withdraw: {
    update: "withdrawConsent",
    noun: "a withdrawal of consent",
    by: "CITIZEN",
    target: "case",
    statuses: ["AWAITING_CONFIRMATION"],
    args: ({ z, recordType }) => z.object({ recordType }),
  },
  decide: {
    update: "decideStep",
    noun: "a department decision",
    by: "OFFICER",
    target: "task",
    statuses: ["IN_DEPARTMENTS"],
    args: ({ z, text, key, recordType }) =>
      z.object({
        stepKey: key,
        decision: z.enum(["approve", "reject", "request-correction"]),
        reason: text("reason").default(""),
        /** A rejection's rule ("step": the step's conditions; a number: the service's eligibility rule) and the records it relied on. */
        basis: z
          .object({
            rule: z.union([z.literal("step"), z.number().int().nonnegative()]),
            records: z.array(recordType).max(20),
          })
          .optional(),
      }),
  },
  resolve: {
    update: "resolveException",
    noun: "a caseworker resolution",
    by: "CASEWORKER",
    target: "exception",
    statuses: ["AWAITING_CASEWORKER", "IN_DEPARTMENTS"],
    args: ({ z, resolution }) => z.object({ exceptionId: z.uuid(), resolution }),
  },
  correct: {
    update: "answerCorrection",
    noun: "a department's answer to a correction",
    by: "OFFICER",
    target: "correction",
    statuses: ["RECORDS_READY", "AWAITING_CONFIRMATION", "AWAITING_CASEWORKER", "IN_DEPARTMENTS"],
    args: ({ z, text }) =>
      z.object({
        correctionId: z.uuid(),
        /** The corrected values (in the data standard's field names), or a refusal with its reason. */
        answer: z.discriminatedUnion("kind", [
          z.object({
            kind: z.literal("correct"),
            fields: z
              .array(
                z.object({
                  field: z
                    .string()
                    .max(40, "is not a known field")
                    .regex(/^[a-z][A-Za-z]*$/, "is not a known field"),
                  value: text("short").pipe(z.string().trim().min(1, "give the corrected value")),
                }),
              )
              .min(1, "correct at least one field")
              .max(10),
            note: text("reason").default(""),
          }),
          z.object({
            kind: z.literal("refuse"),
            reason: text("reason").pipe(z.string().trim().min(1, "say why the record stays as it is")),
          }),
        ]),
      }),
  },
  /** The citizen asks for a review (复核) of a refusal, with her grounds. */
  "request-review": {
    update: "requestReview",
    noun: "a request for review",
    by: "CITIZEN",
    target: "case",
    statuses: ["RECORDS_READY", "AWAITING_CASEWORKER", "IN_DEPARTMENTS"],
    args: ({ z, text }) =>
      z.object({ reviewId: z.uuid(), grounds: text("reason").pipe(z.string().min(1, "say why the refusal is wrong")) }),
  },
  /** A reviewer (another officer of the refusing office, its supervising office, or another caseworker) overturns or upholds a refusal. */
  review: {
    update: "decideReview",
    noun: "a review decision",
    by: ["OFFICER", "CASEWORKER"],
    target: "review",
    statuses: ["RECORDS_READY", "AWAITING_CASEWORKER", "IN_DEPARTMENTS"],
    args: ({ z, text }) =>
      z.object({
        reviewId: z.uuid(),
        outcome: z.enum(["overturn", "uphold"]),
        reasons: text("reason").pipe(z.string().min(1, "give the review's reasons")),
      }),
  },
} as const satisfies Record<string, CaseActionRule>;

export type CaseActionName = keyof typeof CASE_ACTIONS;
export const CASE_ACTION_NAMES = Object.keys(CASE_ACTIONS) as CaseActionName[];

/** The roles that take action `N`. */
export type ActorsOf<N extends CaseActionName> = (typeof CASE_ACTIONS)[N]["by"] extends infer B
  ? B extends readonly (infer A)[]
    ? A
    : B
  : never;

/** The roles that take action `name`, as a list. */
export function actorsOf(name: CaseActionName): readonly CaseActor[] {
  const by: CaseActor | readonly CaseActor[] = CASE_ACTIONS[name].by;
  return typeof by === "string" ? [by] : by;
}

/** The actions `role` takes (on `target`, when given). */
export type CaseActionOf<R extends CaseActor, T extends CaseActionTarget = CaseActionTarget> = {
  [N in CaseActionName]: R extends ActorsOf<N> ? ((typeof CASE_ACTIONS)[N] extends { target: T } ? N : never) : never;
}[CaseActionName];

export function caseActionsOf<R extends CaseActor, T extends CaseActionTarget = CaseActionTarget>(
  role: R,
  target?: T,
): CaseActionOf<R, T>[] {
  return CASE_ACTION_NAMES.filter(
    (n) => actorsOf(n).includes(role) && (target === undefined || CASE_ACTIONS[n].target === target),
  ) as CaseActionOf<R, T>[];
}

export function isCaseAction(value: unknown): value is CaseActionName {
  return typeof value === "string" && Object.hasOwn(CASE_ACTIONS, value);
}

type ArgsOutput<N extends CaseActionName> = z.output<ReturnType<(typeof CASE_ACTIONS)[N]["args"]>>;
/** What a person sends for action `N` (its schema's output: text cleaned, defaults filled; nothing for an action without arguments). */
export type CaseActionInput<N extends CaseActionName> =
  ArgsOutput<N> extends Record<string, never> ? object : ArgsOutput<N>;

/** The body of a case-action request: the action's name and its arguments. */
export type CaseActionRequest = { [N in CaseActionName]: { action: N } & CaseActionInput<N> }[CaseActionName];

/** Every action carries the id of the request that made it: repeating a request changes nothing. */
interface ActionBase {
  requestId: string;
  actorId: string;
}

/**
 * An officer's action carries the officer's office (the web adds it from the account): it must be
 * the step's. A review's decision carries the reviewer as the web authorised them instead.
 */
type ActorContext<N extends CaseActionName> = (typeof CASE_ACTIONS)[N]["target"] extends "review"
  ? { reviewer: Reviewer }
  : (typeof CASE_ACTIONS)[N]["by"] extends "OFFICER"
    ? { office: StepOffice }
    : unknown;

/** What the workflow's update for action `N` receives. */
export type CaseActionArgs<N extends CaseActionName> = ActionBase & CaseActionInput<N> & ActorContext<N>;

export interface ActionResult {
  status: CaseStatus;
}

export type CaseUpdate<N extends CaseActionName> = UpdateDefinition<
  ActionResult,
  [CaseActionArgs<N>],
  (typeof CASE_ACTIONS)[N]["update"]
>;

/** The Temporal update of each action, by the action's name. */
export const caseUpdates = Object.fromEntries(
  CASE_ACTION_NAMES.map((n) => [n, defineUpdate(CASE_ACTIONS[n].update)]),
) as {
  [N in CaseActionName]: CaseUpdate<N>;
};

/** Which actions a case takes in each status, read from the table's rows. */
export const ALLOWED_ACTIONS = Object.fromEntries(
  CASE_STATUSES.map((s) => [
    s,
    CASE_ACTION_NAMES.filter((n) => (CASE_ACTIONS[n].statuses as readonly CaseStatus[]).includes(s)),
  ]),
) as unknown as Readonly<Record<CaseStatus, readonly CaseActionName[]>>;
