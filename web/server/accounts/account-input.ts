import { z } from "zod";
import { safeText } from "@visit-once/workflows/contracts";

// What the admin console's account forms accept. Each refusal is a code the page words in the
// reader's language (messages: staff.admin.errors), tied to the field it concerns.

export const STAFF_ROLE_CODES = ["CASEWORKER", "OFFICER", "ADMIN"] as const;
export type StaffRole = (typeof STAFF_ROLE_CODES)[number];

export type AccountErrorCode =
  | "email-invalid"
  | "email-taken"
  | "name-invalid"
  | "role-invalid"
  | "office-required"
  | "office-not-for-role"
  | "office-unknown"
  | "last-admin"
  | "not-found"
  | "password-short"
  | "password-long"
  | "passwords-differ"
  | "invitation-invalid";

export type FieldErrors = Partial<
  Record<"email" | "name" | "role" | "office" | "password" | "confirm" | "form", AccountErrorCode>
>;

const OFFICE_CODE = /^[a-z][a-z0-9-]{1,39}$/;

/** Role and office together: an officer belongs to an office; caseworkers and administrators to none. */
const roleAndOffice = z.object({
  role: z.enum(STAFF_ROLE_CODES, { error: "role-invalid" }),
  office: z
    .string()
    .trim()
    .transform((v) => v || null)
    .refine((v) => v === null || OFFICE_CODE.test(v), "office-unknown"),
});

function checkOffice(value: { role: StaffRole; office: string | null }, ctx: z.RefinementCtx) {
  if (value.role === "OFFICER" && !value.office)
    ctx.addIssue({ code: "custom", path: ["office"], message: "office-required" });
  if (value.role !== "OFFICER" && value.office)
    ctx.addIssue({ code: "custom", path: ["office"], message: "office-not-for-role" });
}

export const inviteSchema = roleAndOffice
  .extend({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "email-invalid" }).max(320, "email-invalid")),
    name: safeText("short").pipe(z.string().min(1, "name-invalid")),
  })
  .superRefine(checkOffice);
export type InviteInput = z.infer<typeof inviteSchema>;

export const changeSchema = roleAndOffice.superRefine(checkOffice);
export type ChangeInput = z.infer<typeof changeSchema>;

export const PASSWORD_MIN = 12;
export const acceptSchema = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "invitation-invalid"),
    password: z.string().min(PASSWORD_MIN, "password-short").max(200, "password-long"),
    confirm: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirm) ctx.addIssue({ code: "custom", path: ["confirm"], message: "passwords-differ" });
  });

const FIELDS = new Set(["email", "name", "role", "office", "password", "confirm"]);

/** A zod error as one code per field (the first for each); codes zod itself wrote become the field's generic code. */
export function fieldErrors(error: z.ZodError, generic: Partial<Record<string, AccountErrorCode>> = {}): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    const key = (FIELDS.has(field) ? field : "form") as keyof FieldErrors;
    if (out[key]) continue;
    out[key] = isCode(issue.message)
      ? issue.message
      : (generic[key] ?? (key === "name" ? "name-invalid" : "invitation-invalid"));
  }
  return out;
}

const CODES: readonly string[] = [
  "email-invalid",
  "email-taken",
  "name-invalid",
  "role-invalid",
  "office-required",
  "office-not-for-role",
  "office-unknown",
  "last-admin",
  "not-found",
  "password-short",
  "password-long",
  "passwords-differ",
  "invitation-invalid",
];
const isCode = (message: string): message is AccountErrorCode => CODES.includes(message);
