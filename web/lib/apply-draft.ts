// The apply wizard's saved draft: the consents ticked, the details typed (not identity numbers
// or bank accounts) and the application id, kept for the browser tab so a reload or a Back
// loses nothing and a resubmission makes the same one application. Pure and client-safe.

export const APPLY_STAGES = ["consent", "details", "review"] as const;
export type ApplyStage = (typeof APPLY_STAGES)[number];

export function parseStage(raw: string | null | undefined): ApplyStage {
  return APPLY_STAGES.find((s) => s === raw) ?? "consent";
}

export interface ApplyDraft {
  applicationId: string;
  agreed: Record<string, boolean>;
  values: Record<string, string>;
}

// Never kept in the browser's storage: the same names prisma/src/at-rest/sensitive-values.ts seals.
const SENSITIVE_FIELD = /^(nationalId|[A-Za-z]*NationalIds?|bankAccount)$/;

export function draftKey(serviceCode: string): string {
  return `vo-apply-draft:${serviceCode}`;
}

export function serialiseDraft(draft: ApplyDraft, sensitiveKinds: Record<string, string>): string {
  const values = Object.fromEntries(
    Object.entries(draft.values).filter(
      ([name]) => !SENSITIVE_FIELD.test(name) && sensitiveKinds[name] !== "national-id",
    ),
  );
  return JSON.stringify({ applicationId: draft.applicationId, agreed: draft.agreed, values });
}

/** A stored draft, or null for none or one that is not a draft (anything else is ignored). */
export function parseDraft(text: string | null): ApplyDraft | null {
  if (!text) return null;
  try {
    const raw = JSON.parse(text) as Partial<ApplyDraft>;
    if (typeof raw.applicationId !== "string" || !/^[0-9a-f-]{36}$/i.test(raw.applicationId)) return null;
    const agreed = Object.fromEntries(Object.entries(raw.agreed ?? {}).filter(([, v]) => typeof v === "boolean"));
    const values = Object.fromEntries(
      Object.entries(raw.values ?? {}).filter(([k, v]) => typeof v === "string" && !SENSITIVE_FIELD.test(k)),
    );
    return { applicationId: raw.applicationId, agreed, values };
  } catch {
    return null;
  }
}

/** The furthest stage the answers so far allow: no details before every consent, no review before valid details. */
export function allowedStage(wanted: ApplyStage, allAgreed: boolean, detailsValid: boolean): ApplyStage {
  if (wanted !== "consent" && !allAgreed) return "consent";
  if (wanted === "review" && !detailsValid) return "details";
  return wanted;
}
