import { findService, nationalIdProblem } from "@visit-once/workflows/contracts";
import { beijingDay } from "@visit-once/workflows/contracts";
import { z } from "zod";

/** A mandate lasts at most five years; a longer one is granted again. */
export const MAX_MANDATE_YEARS = 5;

const nationalId = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => nationalIdProblem(v, beijingDay(new Date())) === null, "invalid-id");
const name = z.string().trim().min(1, "required").max(40, "too-long");
// A service about a child is a parent's by the records, not by a mandate.
const services = z
  .array(z.string())
  .min(1, "required")
  .refine((codes) => codes.every((c) => findService(c) !== undefined && !findService(c)!.forMinors), "invalid");
const expiresOn = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "invalid-date")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "invalid-date")
  .refine((d) => d >= beijingDay(new Date()), "in-the-past")
  .refine((d) => Number(d.slice(0, 4)) <= Number(beijingDay(new Date()).slice(0, 4)) + MAX_MANDATE_YEARS, "too-far");

/** What a grantor types in the portal: whom she lets act for her, for which services, until when. */
export const grantSchema = z.object({ granteeNationalId: nationalId, granteeName: name, services, expiresOn });

/** What a caseworker copies from a notarised mandate (公证委托书). */
export const notarisedSchema = z.object({
  grantorNationalId: nationalId,
  grantorName: name,
  granteeNationalId: nationalId,
  granteeName: name,
  certificateNo: z.string().trim().min(4, "required").max(60, "too-long"),
  services,
  expiresOn,
});

export type MandateFieldErrors = Record<string, string>;

/** Each field's first problem, as a code the page words (`required`, `invalid-id`, `in-the-past` …). */
export function mandateFieldErrors(error: z.ZodError): MandateFieldErrors {
  const errors: MandateFieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.code === "invalid_type" || issue.code === "too_small" ? "required" : issue.message;
  }
  return errors;
}

/** The form's fields as the schema reads them (services: every ticked box). */
export function readMandateForm(form: FormData, fields: readonly string[]): Record<string, unknown> {
  const raw: Record<string, unknown> = Object.fromEntries(fields.map((f) => [f, String(form.get(f) ?? "")]));
  raw.services = form.getAll("services").map(String);
  return raw;
}
