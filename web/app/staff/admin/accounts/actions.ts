"use server";

import { redirect } from "next/navigation";
import type { AccountErrorCode, FieldErrors } from "@/server/accounts/account-input";
import { changeStaffAccount } from "@/server/accounts/change-staff-account";
import { inviteStaff } from "@/server/accounts/invite-staff";
import { reissueInvitation } from "@/server/accounts/reissue-invitation";
import { setAccountActive } from "@/server/accounts/set-account-active";
import { db } from "@/server/db";
import { currentRequestId } from "@/server/http/request-id";
import { resetSecondFactor } from "@/server/second-factor/reset-second-factor";
import { currentUser } from "@/server/session";

// The admin console's account actions. Each is a POST server action (Next checks its origin,
// and proxy.ts refuses another site's), parsed with zod and authorised and audited by the
// operation it calls; a refusal reads as "not found".

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

/** Resets a staff account's second factor (form field `userId`); the page then says what happened. */
export async function resetSecondFactorAction(form: FormData): Promise<void> {
  const userId = field(form, "userId");
  const outcome = await resetSecondFactor(await currentUser(), userId, db(), new Date(), await currentRequestId());
  redirect(
    outcome === "reset"
      ? `/staff/admin/accounts?reset=${encodeURIComponent(userId)}`
      : "/staff/admin/accounts?reset=not-found",
  );
}

/** What the invite form shows: the field errors, or the one-time link (this once only). */
export type InviteState =
  { errors: FieldErrors; values: Record<string, string> } | { link: string; name: string; expiresAt: string };

export async function inviteAction(_prev: InviteState | null, form: FormData): Promise<InviteState> {
  const values = {
    email: field(form, "email"),
    name: field(form, "name"),
    role: field(form, "role"),
    office: field(form, "office"),
  };
  const result = await inviteStaff(await currentUser(), values, await currentRequestId(), db());
  if (!result.ok) return { errors: result.errors, values };
  return { link: result.path, name: values.name.trim(), expiresAt: result.expiresAt.toISOString() };
}

export type ChangeState = { errors: FieldErrors } | { outcome: "done" | "unchanged"; role: string; office: string };

export async function changeAccountAction(_prev: ChangeState | null, form: FormData): Promise<ChangeState> {
  const values = { role: field(form, "role"), office: field(form, "office") };
  const result = await changeStaffAccount(
    await currentUser(),
    field(form, "userId"),
    values,
    await currentRequestId(),
    db(),
  );
  return result.ok ? { outcome: result.outcome, ...values } : { errors: result.errors };
}

/** Deactivates (`active=false`) or reactivates an account; the account's page then says what happened. */
export async function setAccountActiveAction(form: FormData): Promise<void> {
  const userId = field(form, "userId");
  const active = field(form, "active") === "true";
  const result = await setAccountActive(await currentUser(), userId, active, await currentRequestId(), db());
  const status = result.ok
    ? result.outcome === "unchanged"
      ? "unchanged"
      : active
        ? "reactivated"
        : "deactivated"
    : result.error;
  redirect(
    result.ok || result.error === "last-admin"
      ? `/staff/admin/accounts/${encodeURIComponent(userId)}?status=${status}`
      : "/staff/admin/accounts?reset=not-found",
  );
}

export type ReissueState = { link: string; expiresAt: string } | { error: AccountErrorCode };

/** A new one-time link for someone invited who has not yet set a password (every earlier link stops working). */
export async function reissueInvitationAction(_prev: ReissueState | null, form: FormData): Promise<ReissueState> {
  const result = await reissueInvitation(await currentUser(), field(form, "userId"), await currentRequestId(), db());
  return result.ok ? { link: result.path, expiresAt: result.expiresAt.toISOString() } : { error: result.error };
}
