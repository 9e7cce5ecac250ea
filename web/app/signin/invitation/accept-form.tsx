"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { ErrorNote, Field, SubmitButton } from "../form-parts";
import { type AcceptState, acceptInvitationAction } from "./actions";

/**
 * The token is in the link's fragment (never sent to a server, so never in a log); the form
 * reads it, takes it out of the address bar, and posts it with the new password.
 */
export function AcceptForm() {
  const t = useTranslations("common.invitation");
  const tError = useTranslations("staff.admin.errors");
  const [token, setToken] = useState<string | null>(null);
  const [state, action, pending] = useActionState<AcceptState | null, FormData>(acceptInvitationAction, null);
  useEffect(() => {
    const fromLink = window.location.hash.slice(1);
    // Read once after hydration: the fragment exists only in the browser.
    setToken(fromLink);
    if (fromLink) window.history.replaceState(null, "", window.location.pathname);
  }, []);
  if (state && "email" in state) {
    return (
      <div className="space-y-3">
        <p role="status" data-testid="invitation-accepted">
          {t("done", { email: state.email })}
        </p>
        <Link
          href="/signin"
          className="inline-block rounded-md bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900"
        >
          {t("signIn")}
        </Link>
      </div>
    );
  }
  if (token === "") return <ErrorNote id="invitation-error">{t("noLink")}</ErrorNote>;
  const errors = state && "errors" in state ? state.errors : {};
  const first = errors.form ?? errors.password ?? errors.confirm;
  return (
    <form action={action} className="space-y-5" aria-describedby={first ? "invitation-error" : undefined}>
      <input type="hidden" name="token" value={token ?? ""} />
      {first && <ErrorNote id="invitation-error">{tError(first)}</ErrorNote>}
      <Field
        id="password"
        name="password"
        type="password"
        autoComplete="new-password"
        label={t("password")}
        hint={t("hint")}
      />
      <Field id="confirm" name="confirm" type="password" autoComplete="new-password" label={t("confirm")} />
      <SubmitButton pending={pending || token === null} label={t("submit")} busyLabel={t("busy")} />
    </form>
  );
}
