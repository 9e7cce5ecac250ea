import { z } from "zod";
import { mayRequest } from "./catalogue";
import { DEPARTMENT_CODES, STEP_OFFICES } from "./departments";
import { RECORD_TYPE_CODES, RECORD_TYPES, type RecordType } from "./records";
import type { ServiceDefinition } from "./services";

// The schema every service definition must satisfy, and the checks that span fields:
// a definition that fails them is refused when the catalogue loads, with the reason.

const text = z.object({ en: z.string().min(1), zh: z.string().min(1) });
const recordType = z.enum(RECORD_TYPE_CODES as [RecordType, ...RecordType[]]);
const department = z.enum(DEPARTMENT_CODES as [string, ...string[]]);
const office = z.enum(STEP_OFFICES as [string, ...string[]]);
const key = z.string().regex(/^[a-z][a-z0-9-]*$/, "keys are kebab-case");

const stepGrant = z.object({
  records: z.partialRecord(recordType, z.array(z.string().min(1)).min(1)),
  typed: z.array(z.string().min(1)),
});

export const serviceDefinitionSchema = z.object({
  code: key,
  version: z.number().int().min(1),
  title: text,
  summary: text,
  evidence: z.array(z.object({ recordType, department, purpose: text, optional: z.boolean().optional() })).min(1),
  citizenFields: z.array(
    z.object({
      name: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
      label: text,
      kind: z.enum(["text", "number", "date", "national-id"]),
      required: z.boolean(),
    }),
  ),
  subjectField: z.string().optional(),
  eligibility: z.array(
    z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("min-number"), recordType, field: z.string(), min: z.number(), message: text }),
      z.object({
        kind: z.literal("equals"),
        recordType,
        field: z.string(),
        value: z.union([z.string(), z.boolean()]),
        message: text,
      }),
      z.object({
        kind: z.literal("min-age"),
        years: z.object({ F: z.number().int(), M: z.number().int() }),
        message: text,
      }),
    ]),
  ),
  steps: z
    .array(
      z.object({
        key,
        office,
        title: text,
        after: z.array(key),
        sees: stepGrant,
        deadlineWorkingDays: z.number().int().min(1),
        escalateAfterWorkingDays: z.number().int().min(1),
      }),
    )
    .min(1),
  outcomes: z.array(z.object({ key, title: text, issuedBy: office })),
});

/** Every problem with a definition, in plain words (empty when it is sound). */
export function problemsWith(definition: ServiceDefinition): string[] {
  const parsed = serviceDefinitionSchema.safeParse(definition);
  if (!parsed.success) return parsed.error.issues.map((i) => `${definition.code}: ${i.path.join(".")} ${i.message}`);
  const problems: string[] = [];
  const say = (what: string) => problems.push(`${definition.code}: ${what}`);
  const evidenceTypes = new Set(definition.evidence.map((e) => e.recordType));
  for (const e of definition.evidence) {
    if (RECORD_TYPES[e.recordType].department !== e.department)
      say(`${e.recordType} comes from ${RECORD_TYPES[e.recordType].department}, not ${e.department}`);
    if (!mayRequest(e.recordType, definition.code))
      say(`the data catalogue does not allow ${e.recordType} for this purpose`);
  }
  if (evidenceTypes.size !== definition.evidence.length) say("a record type is listed twice");
  if (
    definition.subjectField !== undefined &&
    !definition.citizenFields.some((f) => f.name === definition.subjectField && f.required)
  ) {
    say(`the subject field ${definition.subjectField} is not a required typed field`);
  }
  for (const rule of definition.eligibility) {
    if (rule.kind === "min-age") {
      if (!evidenceTypes.has("identity")) say("an age rule needs the identity record");
      continue;
    }
    if (!evidenceTypes.has(rule.recordType)) say(`an eligibility rule reads ${rule.recordType}, which is not fetched`);
    else if (!Object.hasOwn(RECORD_TYPES[rule.recordType].schema.shape, rule.field))
      say(`${rule.recordType} has no field ${rule.field}`);
  }
  const keys = new Set(definition.steps.map((s) => s.key));
  if (keys.size !== definition.steps.length) say("two steps share a key");
  for (const s of definition.steps) {
    for (const a of s.after) if (!keys.has(a)) say(`step ${s.key} waits for unknown step ${a}`);
    problems.push(...grantProblems(definition, s).map((p) => `${definition.code}: ${p}`));
  }
  // The steps must form a DAG: peel off steps whose predecessors are done until none are left.
  const done = new Set<string>();
  let progress = true;
  while (progress) {
    progress = false;
    for (const s of definition.steps) {
      if (!done.has(s.key) && s.after.every((a) => done.has(a))) {
        done.add(s.key);
        progress = true;
      }
    }
  }
  if (done.size !== keys.size)
    say(`the steps wait for each other in a cycle: ${[...keys].filter((k) => !done.has(k)).join(", ")}`);
  return problems;
}

/**
 * What is wrong with one step's grant: a record type the service does not fetch, a field the
 * data standard does not have for that record type, a typed field the service does not collect,
 * or a field named twice.
 */
function grantProblems(definition: ServiceDefinition, step: ServiceDefinition["steps"][number]): string[] {
  const problems: string[] = [];
  const fetched = new Set(definition.evidence.map((e) => e.recordType));
  const collected = new Set(definition.citizenFields.map((f) => f.name));
  for (const [type, fields] of Object.entries(step.sees.records) as [RecordType, string[]][]) {
    if (!fetched.has(type)) problems.push(`step ${step.key} grants ${type}, which is not fetched`);
    for (const f of fields)
      if (!Object.hasOwn(RECORD_TYPES[type].schema.shape, f))
        problems.push(`step ${step.key} grants ${type}.${f}, which the data standard does not have`);
    if (new Set(fields).size !== fields.length) problems.push(`step ${step.key} grants a field of ${type} twice`);
  }
  for (const f of step.sees.typed)
    if (!collected.has(f))
      problems.push(`step ${step.key} grants the typed field ${f}, which the service does not collect`);
  if (new Set(step.sees.typed).size !== step.sees.typed.length)
    problems.push(`step ${step.key} grants a typed field twice`);
  return problems;
}
