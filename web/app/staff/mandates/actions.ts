"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { MandateFormState } from "@/components/mandates/mandate-form";
import { db } from "@/server/db";
import { currentRequestId } from "@/server/http/request-id";
import { registerNotarisedMandate } from "@/server/mandates/grant-mandate";
import { readMandateForm } from "@/server/mandates/mandate-input";
import { revokeMandate } from "@/server/mandates/revoke-mandate";
import { currentUser } from "@/server/session";

const FIELDS = [
  "certificateNo",
  "grantorNationalId",
  "grantorName",
  "granteeNationalId",
  "granteeName",
  "expiresOn",
] as const;

/** A caseworker registers a notarised mandate from the paper: authorised and audited in registerNotarisedMandate. */
export async function registerMandateAction(_prev: MandateFormState | null, form: FormData): Promise<MandateFormState> {
  const raw = readMandateForm(form, FIELDS);
  const result = await registerNotarisedMandate(await currentUser(), raw, await currentRequestId(), db());
  if (!result.ok) return { errors: result.errors, values: raw as Record<string, string | string[]> };
  revalidatePath("/staff/mandates");
  return { granted: true };
}

/** A caseworker records the revocation of a notarised mandate (the grantor's revocation paper). */
export async function revokeNotarisedAction(form: FormData): Promise<void> {
  const result = await revokeMandate(
    await currentUser(),
    String(form.get("mandateId") ?? ""),
    await currentRequestId(),
    db(),
  );
  redirect(`/staff/mandates?result=${result}`);
}
