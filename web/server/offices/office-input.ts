import { z } from "zod";
import { safeText } from "@visit-once/workflows/contracts";

// What the office forms accept; each refusal is a code the page words (messages: staff.admin.errors).

export type OfficeErrorCode =
  "code-invalid" | "code-taken" | "name-invalid" | "supervisor-unknown" | "supervisor-loop" | "in-use" | "not-found";
export type OfficeFieldErrors = Partial<Record<"code" | "nameEn" | "nameZh" | "supervisor" | "form", OfficeErrorCode>>;

export const officeCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, "code-invalid");

export const officeSchema = z.object({
  code: officeCodeSchema,
  nameEn: safeText("short").pipe(z.string().min(1, "name-invalid")),
  nameZh: safeText("short").pipe(z.string().min(1, "name-invalid")),
  supervisor: z
    .string()
    .trim()
    .transform((v) => v || null)
    .refine((v) => v === null || /^[a-z][a-z0-9-]{1,39}$/.test(v), "supervisor-unknown"),
});
export type OfficeInput = z.infer<typeof officeSchema>;

const CODES: readonly string[] = [
  "code-invalid",
  "code-taken",
  "name-invalid",
  "supervisor-unknown",
  "supervisor-loop",
  "in-use",
  "not-found",
];

export function officeFieldErrors(error: z.ZodError): OfficeFieldErrors {
  const out: OfficeFieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    const key = (
      ["code", "nameEn", "nameZh", "supervisor"].includes(field) ? field : "form"
    ) as keyof OfficeFieldErrors;
    if (out[key]) continue;
    out[key] = CODES.includes(issue.message)
      ? (issue.message as OfficeErrorCode)
      : key === "code"
        ? "code-invalid"
        : key === "supervisor"
          ? "supervisor-unknown"
          : "name-invalid";
  }
  return out;
}
