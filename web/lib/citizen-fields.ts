import { nationalIdProblem } from "@visit-once/workflows/contracts/national-id";
import { cleanText, TEXT_LIMITS, textProblem } from "@visit-once/workflows/contracts/text";
import { z } from "zod";
import { beijingDay } from "./dates";

// This module runs in the browser too, under a CSP without 'unsafe-eval': zod's JIT would
// probe `new Function` when an object schema is made, which the CSP reports as a violation.
z.config({ jitless: true });

// What the citizen types for a service (its `citizenFields`): one zod schema built from the
// definition, used by the form in the browser and again by the server on submit.

export type CitizenFieldKind = "text" | "number" | "date" | "national-id";

export interface CitizenFieldSpec {
  name: string;
  kind: CitizenFieldKind;
  required: boolean;
}

export type CitizenFieldValues = Record<string, string | number>;
export type CitizenFieldProblem = "required" | "invalid";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function valueSchema(kind: CitizenFieldKind) {
  switch (kind) {
    case "text":
      return z
        .string()
        .refine((v) => textProblem(v, TEXT_LIMITS.short) === null, "invalid")
        .transform(cleanText);
    case "national-id":
      // As GB 11643 defines it: a real region and birth date, and the right check character.
      return z
        .string()
        .transform((v) => v.toUpperCase())
        .refine((v) => nationalIdProblem(v, beijingDay(new Date())) === null, "invalid");
    case "date":
      return z.string().refine(isCalendarDate, "invalid");
    case "number":
      return z
        .union([
          z.number(),
          z
            .string()
            .regex(/^\d+(\.\d{1,2})?$/, "invalid")
            .transform(Number),
        ])
        .pipe(z.number({ message: "invalid" }).positive("invalid").max(1e12, "invalid"));
  }
}

/** The schema of a service's citizen fields: required ones must be there, unknown ones are refused. */
function citizenFieldsSchema(specs: readonly CitizenFieldSpec[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const spec of specs) {
    // Blank optional fields are left out rather than stored empty.
    const blankToUndefined = (v: unknown) =>
      typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v;
    const inner = valueSchema(spec.kind);
    shape[spec.name] = z.preprocess(blankToUndefined, spec.required ? inner : inner.optional());
  }
  return z.strictObject(shape);
}

/** Checks typed values; returns the clean values or, per field, what is wrong. */
export function checkCitizenFields(
  specs: readonly CitizenFieldSpec[],
  input: unknown,
): { ok: true; values: CitizenFieldValues } | { ok: false; problems: Record<string, CitizenFieldProblem> } {
  const parsed = citizenFieldsSchema(specs).safeParse(input ?? {});
  if (parsed.success) {
    const values = Object.fromEntries(
      Object.entries(parsed.data).filter(([, v]) => v !== undefined),
    ) as CitizenFieldValues;
    return { ok: true, values };
  }
  const problems: Record<string, CitizenFieldProblem> = {};
  const given = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  const blank = (name: string) =>
    given[name] === undefined || given[name] === null || (typeof given[name] === "string" && given[name].trim() === "");
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) problems[key] = "invalid";
      continue;
    }
    const name = String(issue.path[0] ?? "");
    if (!name || problems[name]) continue;
    problems[name] = blank(name) ? "required" : "invalid";
  }
  return { ok: false, problems };
}
