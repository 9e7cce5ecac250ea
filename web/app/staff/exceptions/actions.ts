"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/server/session";
import { claimException } from "@/server/staff/claim-exception";

export interface ClaimState {
  ok: boolean;
  message: string;
}

/** Claim or unclaim an exception (form fields `exceptionId`, `claim` = "1" or "0"). */
export async function claimAction(_prev: ClaimState | null, form: FormData): Promise<ClaimState> {
  const [user, t] = await Promise.all([currentUser(), getTranslations("staff.exceptions.claimOutcome")]);
  const exceptionId = String(form.get("exceptionId") ?? "");
  const outcome = await claimException(user, exceptionId, form.get("claim") === "1");
  revalidatePath("/staff/exceptions");
  revalidatePath(`/staff/exceptions/${exceptionId}`);
  return { ok: outcome === "claimed" || outcome === "released", message: t(outcome) };
}
