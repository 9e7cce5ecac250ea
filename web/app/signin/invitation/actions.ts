"use server";

import { acceptInvitation } from "@/server/accounts/accept-invitation";
import type { FieldErrors } from "@/server/accounts/account-input";
import { db } from "@/server/db";
import { currentRequestId } from "@/server/http/request-id";

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

export type AcceptState = { errors: FieldErrors } | { email: string };

/** The invited person's new password, with the token from their link (a POST: neither travels in a URL). */
export async function acceptInvitationAction(_prev: AcceptState | null, form: FormData): Promise<AcceptState> {
  const result = await acceptInvitation(
    { token: field(form, "token"), password: field(form, "password"), confirm: field(form, "confirm") },
    await currentRequestId(),
    db(),
  );
  return result.ok ? { email: result.email } : { errors: result.errors };
}
