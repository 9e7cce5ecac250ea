"use server";

import { redirect } from "next/navigation";
import { resetSecondFactor } from "@/server/second-factor/reset-second-factor";
import { currentUser } from "@/server/session";
import { db } from "@/server/db";

/** Resets a staff account's second factor (form field `userId`); the page then says what happened. */
export async function resetSecondFactorAction(form: FormData): Promise<void> {
  const userId = String(form.get("userId") ?? "");
  const outcome = await resetSecondFactor(await currentUser(), userId, db());
  redirect(outcome === "reset" ? `/staff/admin/accounts?reset=${encodeURIComponent(userId)}` : "/staff/admin/accounts?reset=not-found");
}
