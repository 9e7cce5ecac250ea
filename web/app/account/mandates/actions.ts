"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { MandateFormState } from "@/components/mandates/mandate-form";
import { db } from "@/server/db";
import { currentRequestId } from "@/server/http/request-id";
import { grantMandate } from "@/server/mandates/grant-mandate";
import { readMandateForm } from "@/server/mandates/mandate-input";
import { revokeMandate } from "@/server/mandates/revoke-mandate";
import { currentUser } from "@/server/session";

const FIELDS = ["granteeNationalId", "granteeName", "expiresOn"] as const;

/** The grantor grants a mandate: authorised and audited in grantMandate; the form says what came of it. */
export async function grantMandateAction(_prev: MandateFormState | null, form: FormData): Promise<MandateFormState> {
  const raw = readMandateForm(form, FIELDS);
  const result = await grantMandate(await currentUser(), raw, await currentRequestId(), db());
  if (!result.ok) return { errors: result.errors, values: raw as Record<string, string | string[]> };
  revalidatePath("/account/mandates");
  return { granted: true };
}

/** The grantor revokes a mandate, at once; the page then says so. */
export async function revokeMandateAction(form: FormData): Promise<void> {
  const result = await revokeMandate(
    await currentUser(),
    String(form.get("mandateId") ?? ""),
    await currentRequestId(),
    db(),
  );
  redirect(`/account/mandates?result=${result}`);
}
