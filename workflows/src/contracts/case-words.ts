import { z } from "zod";
import { refusalExplanationSchema } from "./refusal-explanation-schema";

// Words as data: what the workflow tells people (a line in the case's history, why a record
// step failed, what an exception is about) crosses to the web as a kind with its parameters,
// and the pages say it in the reader's language (web/messages/<locale>/words.json). Codes
// (offices, record types, step keys, fields) are labelled by the web; the only free text is
// what a person wrote (a reason, a question, a dispute) or the service's own bilingual words.
// The English and Chinese sentences are still written beside them for rows from before.

const code = z.string().min(1);
const bilingual = z.object({ en: z.string(), zh: z.string() });
const personText = z.string();

/** The kind of a step's failure or hold-up (a record fetch). */
export const stepDetailSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("record-missing"), department: code, recordType: code }),
  z.object({ kind: z.literal("record-unusable"), department: code, recordType: code, problem: code }),
  z.object({
    kind: z.literal("department-unavailable"),
    department: code,
    recordType: code,
    attempts: z.number().int().nonnegative(),
  }),
  z.object({ kind: z.literal("department-retrying"), department: code }),
  z.object({ kind: z.literal("none-on-record") }),
  /** The citizen withdrew her consent for this (optional) record at the preview: its values were removed. */
  z.object({ kind: z.literal("consent-withdrawn") }),
  /** The checks step of a closed case: why it closed, in both languages (rule messages, or a person's words). */
  z.object({ kind: z.literal("reasons"), reasons: z.array(bilingual) }),
]);
export type StepDetail = z.infer<typeof stepDetailSchema>;

/** An exception's parameters beyond its kind, office, record type and step (the columns hold those). */
export const exceptionDetailSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("CONFLICT") }),
  z.object({ kind: z.literal("MISSING_RECORD") }),
  z.object({ kind: z.literal("NO_CONSENT") }),
  z.object({ kind: z.literal("UNUSABLE_RECORD"), problem: code }),
  z.object({ kind: z.literal("DEPARTMENT_UNAVAILABLE"), attempts: z.number().int().nonnegative() }),
  z.object({ kind: z.literal("OVERDUE_STEP"), dueDay: z.string() }),
  z.object({ kind: z.literal("CITIZEN_DISPUTE"), explanation: personText }),
  z.object({ kind: z.literal("UNSTORABLE_DATA"), activity: code }),
]);
export type ExceptionDetail = z.infer<typeof exceptionDetailSchema>;

const stepAbout = { stepKey: code, office: code };

/** One line of the case's history: its kind and what it names. */
export const caseEventWordsSchema = z.discriminatedUnion("kind", [
  /** Acting for someone else (代办): who applied, for whom, on what basis ("X for Y"). */
  z.object({
    kind: z.literal("applied-for"),
    basis: z.enum(["minor-child", "mandate"]),
    representative: personText,
    subject: personText,
  }),
  z.object({ kind: z.literal("record-disputed"), recordType: code }),
  z.object({ kind: z.literal("correction-requested"), department: code, recordType: code }),
  z.object({
    kind: z.literal("record-corrected"),
    department: code,
    recordType: code,
    fields: z.array(z.object({ field: code, value: personText })),
  }),
  z.object({ kind: z.literal("correction-refused"), department: code, recordType: code, reason: personText }),
  z.object({ kind: z.literal("correction-overdue"), department: code, recordType: code }),
  z.object({ kind: z.literal("data-stored-cleaned") }),
  z.object({ kind: z.literal("information-requested"), question: personText }),
  z.object({ kind: z.literal("information-provided") }),
  z.object({
    kind: z.literal("exception-raised"),
    exception: code,
    field: code.optional(),
    department: code.optional(),
    recordType: code.optional(),
  }),
  z.object({
    kind: z.literal("exception-resolved"),
    resolution: z.enum(["choose-value", "accept", "escalate"]),
    value: personText.optional(),
    /** The chosen value is a statement (ConflictValue.meaning) the pages word. */
    meaning: z.enum(["the-applicant", "spouse-listed"]).optional(),
    why: personText,
  }),
  z.object({ kind: z.literal("exception-refetch") }),
  z.object({ kind: z.literal("exception-refetched"), settled: z.boolean() }),
  z.object({ kind: z.literal("exception-rejected"), reason: personText }),
  z.object({ kind: z.literal("preview-ready"), dueDay: z.string() }),
  z.object({ kind: z.literal("preview-confirmed") }),
  z.object({ kind: z.literal("consent-withdrawn"), recordType: code }),
  /** Nobody confirmed by the deadline: the case went on with the consent given at submission. */
  z.object({ kind: z.literal("preview-lapsed"), dueDay: z.string() }),
  z.object({ kind: z.literal("awaiting-caseworker") }),
  z.object({ kind: z.literal("in-departments") }),
  z.object({ kind: z.literal("step-started"), ...stepAbout, dueDay: z.string() }),
  z.object({ kind: z.literal("step-reminder"), ...stepAbout }),
  z.object({ kind: z.literal("step-escalated"), ...stepAbout }),
  z.object({ kind: z.literal("step-revoked"), ...stepAbout }),
  z.object({ kind: z.literal("step-approve"), ...stepAbout, reason: personText }),
  z.object({ kind: z.literal("step-reject"), ...stepAbout, reason: personText }),
  z.object({ kind: z.literal("step-request-correction"), ...stepAbout, reason: personText }),
  z.object({ kind: z.literal("document-issued"), title: bilingual }),
  z.object({ kind: z.literal("document-revoked"), title: bilingual }),
  /** A refusal, explained, and offered for review (复核) until its due day. */
  z.object({ kind: z.literal("case-refused"), refusal: refusalExplanationSchema, dueDay: z.string() }),
  z.object({ kind: z.literal("review-requested"), grounds: personText }),
  z.object({ kind: z.literal("review-overturned"), reasons: personText }),
  z.object({ kind: z.literal("review-upheld"), reasons: personText }),
  z.object({ kind: z.literal("review-lapsed") }),
  z.object({ kind: z.literal("case-completed") }),
  z.object({ kind: z.literal("case-rejected"), reasons: z.array(bilingual) }),
  z.object({ kind: z.literal("case-cancelled"), reasons: z.array(bilingual) }),
  z.object({ kind: z.literal("case-failed"), reasons: z.array(bilingual) }),
]);
export type CaseEventWords = z.infer<typeof caseEventWordsSchema>;
export type CaseEventKind = CaseEventWords["kind"];

/** Stored words read back: the parsed value, or null for a row from before (or one this release cannot read), which shows its stored text. */
export function readWords<T>(schema: z.ZodType<T>, value: unknown): T | null {
  if (value === null || value === undefined) return null;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
