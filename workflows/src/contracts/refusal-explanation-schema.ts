import { z } from "zod";

// Why a case was refused, as data: the rule applied, the facts it was applied to, and the
// records (with the departments that hold them) it relied on. It crosses from the workflow to
// the web as it is; the pages word it in the reader's language (web/messages/<locale>/review.json).
// `refusalText` says it in both languages for the stored sentences and the outcome's reasons.
//
// The schemas live here, apart from the functions the workflow calls: the workflow's bundle then
// carries no zod, which every cached case would otherwise build again (about 0.7 MB each).

const code = z.string().min(1);
const bilingual = z.object({ en: z.string(), zh: z.string() });

export const refusalRuleSchema = z.discriminatedUnion("kind", [
  /** One of the service's eligibility rules, by its place in the definition, with its own words. */
  z.object({ kind: z.literal("eligibility"), index: z.number().int().nonnegative(), message: bilingual }),
  /** The conditions of a department step (its title names them): an officer's own finding. */
  z.object({ kind: z.literal("step-condition"), stepKey: code, title: bilingual }),
  /** A caseworker's finding on an exception the records could not settle. */
  z.object({ kind: z.literal("casework"), exception: code }),
]);
export type RefusalRule = z.infer<typeof refusalRuleSchema>;

/** A value read from a record, as the rule saw it. */
export const refusalFactSchema = z.object({
  recordType: code,
  field: code,
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
});
export type RefusalFact = z.infer<typeof refusalFactSchema>;

export const refusalRecordSchema = z.object({ recordType: code, department: code });
export type RefusalRecord = z.infer<typeof refusalRecordSchema>;

export const refusalExplanationSchema = z.object({
  /** Who refused: a rule of the service, an office's officer, or a caseworker. */
  by: z.enum(["rule", "officer", "caseworker"]),
  /** The office that refused (officers only). */
  office: code.optional(),
  rule: refusalRuleSchema,
  /** Values the rule read from the records. */
  facts: z.array(refusalFactSchema),
  /** What the officer or caseworker wrote about the facts ("" for a rule). */
  statement: z.string(),
  records: z.array(refusalRecordSchema),
});
export type RefusalExplanation = z.infer<typeof refusalExplanationSchema>;
