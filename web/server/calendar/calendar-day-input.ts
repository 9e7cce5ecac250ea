import { z } from "zod";
import { safeText } from "@visit-once/workflows/contracts";

// What the calendar form accepts; each refusal is a code the page words (messages: staff.admin.calendar.errors).

export type CalendarErrorCode = "day-invalid" | "kind-invalid" | "name-invalid" | "package-year" | "not-found";
export type CalendarFieldErrors = Partial<Record<"day" | "kind" | "nameEn" | "nameZh" | "form", CalendarErrorCode>>;

/** A real calendar date, YYYY-MM-DD, in the years the service could set a deadline in. */
export const calendarDaySchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "day-invalid")
  .refine((d) => {
    const year = Number(d.slice(0, 4));
    return year >= 2000 && year <= 2100 && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
  }, "day-invalid");

export const calendarDayInputSchema = z.object({
  day: calendarDaySchema,
  kind: z.enum(["HOLIDAY", "WORKDAY"], { message: "kind-invalid" }),
  nameEn: safeText("short").pipe(z.string().min(1, "name-invalid")),
  nameZh: safeText("short").pipe(z.string().min(1, "name-invalid")),
});
export type CalendarDayInput = z.infer<typeof calendarDayInputSchema>;

const CODES: readonly string[] = ["day-invalid", "kind-invalid", "name-invalid"];
const FIELDS: readonly string[] = ["day", "kind", "nameEn", "nameZh"];

export function calendarFieldErrors(error: z.ZodError): CalendarFieldErrors {
  const out: CalendarFieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    const key = (FIELDS.includes(field) ? field : "form") as keyof CalendarFieldErrors;
    if (out[key]) continue;
    out[key] = CODES.includes(issue.message)
      ? (issue.message as CalendarErrorCode)
      : key === "day"
        ? "day-invalid"
        : key === "kind"
          ? "kind-invalid"
          : "name-invalid";
  }
  return out;
}
