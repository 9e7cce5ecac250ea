import { z } from "zod";
import { CASE_ACTION_NAMES, CASE_ACTIONS, type CaseActionName, type CaseActionRequest } from "./case-actions";
import { RECORD_TYPE_CODES, type RecordType } from "./records";
import { keySchema, safeText } from "./text-schema";

// The case actions' argument schemas, built from the table's rows (./case-actions), as the web
// parses what people send: every text is the contracts' safe text (bounded, no NUL or broken
// characters), every closed set an enum. The workflow's update validators check the same text
// rule again.

const recordTypeSchema = z.enum(RECORD_TYPE_CODES as [RecordType, ...RecordType[]], {
  message: "is not a record type this system knows",
});

export const resolutionSchema = z.discriminatedUnion("kind", [
  /** A conflict: the authoritative value, and why. */
  z.object({
    kind: z.literal("choose-value"),
    value: safeText("short").pipe(z.string().min(1, "choose a value")),
    justification: safeText("reason"),
  }),
  /** A missing, unusable or disputed record: go on without changing it, and why. */
  z.object({ kind: z.literal("accept"), justification: safeText("reason") }),
  /** Ask the department again (missing, unavailable, conflicting or disputed records). */
  z.object({ kind: z.literal("refetch") }),
  z.object({ kind: z.literal("ask-citizen"), question: safeText("reason") }),
  /** An overdue step: remind the department's head office again. */
  z.object({ kind: z.literal("escalate"), note: safeText("reason") }),
  /** Ask the department that holds the record to correct it (for a conflict: the record holding `value`). */
  z.object({
    kind: z.literal("ask-department"),
    note: safeText("reason").pipe(z.string().min(1, "say what the department should correct")),
    value: safeText("short").optional(),
  }),
  z.object({ kind: z.literal("reject"), reason: safeText("reason") }),
]);

/** What the table's schemas are written with. */
const kit = { z, text: safeText, key: keySchema, recordType: recordTypeSchema, resolution: resolutionSchema };
export type SchemaKit = typeof kit;

/** Each action's arguments, by the action's name. */
export const caseActionArgs = Object.fromEntries(CASE_ACTION_NAMES.map((n) => [n, CASE_ACTIONS[n].args(kit)])) as {
  [N in CaseActionName]: ReturnType<(typeof CASE_ACTIONS)[N]["args"]>;
};

/** A case-action request: `action` names the row, the rest is that row's arguments. */
export const caseActionSchema = z.discriminatedUnion(
  "action",
  CASE_ACTION_NAMES.map((n) => caseActionArgs[n].extend({ action: z.literal(n) })) as unknown as [
    z.ZodObject<{ action: z.ZodLiteral<CaseActionName> }>,
  ],
) as unknown as z.ZodType<CaseActionRequest, unknown>;
