import { z } from "zod";
import { RECORD_TYPE_CODES, type RecordType } from "./records";
import { keySchema, safeText } from "./text-schema";

// What people send to act on a running case, as the web receives it: every text is the
// contracts' safe text (bounded, no NUL or broken characters), every closed set an enum.
// The workflow's update validators check the same text rule again.

const recordTypeSchema = z.enum(RECORD_TYPE_CODES as [RecordType, ...RecordType[]], { message: "is not a record type this system knows" });

export const resolutionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("choose-value"), value: safeText("short").pipe(z.string().min(1, "choose a value")), justification: safeText("reason") }),
  z.object({ kind: z.literal("accept"), justification: safeText("reason") }),
  z.object({ kind: z.literal("refetch") }),
  z.object({ kind: z.literal("ask-citizen"), question: safeText("reason") }),
  z.object({ kind: z.literal("escalate"), note: safeText("reason") }),
  z.object({ kind: z.literal("reject"), reason: safeText("reason") }),
]);

export const caseActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("cancel"), reason: safeText("reason").default("") }),
  z.object({ action: z.literal("reply"), informationRequestId: z.uuid(), reply: safeText("reply").pipe(z.string().min(1, "write your answer")) }),
  z.object({ action: z.literal("dispute"), recordType: recordTypeSchema, explanation: safeText("reason").pipe(z.string().min(1, "say what is wrong")) }),
  z.object({ action: z.literal("decide"), stepKey: keySchema, decision: z.enum(["approve", "reject", "request-correction"]), reason: safeText("reason").default("") }),
  z.object({ action: z.literal("resolve"), exceptionId: z.uuid(), resolution: resolutionSchema }),
]);
export type CaseActionRequest = z.infer<typeof caseActionSchema>;
