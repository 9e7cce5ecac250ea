"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signInWithPassword } from "./actions";
import { ErrorNote, Field, SubmitButton } from "./form-parts";

/**
 * A POST to a server action: it works before (or without) JavaScript, and with it shows the
 * error in place. `initialError`: next-auth's ?error= (an identity provider's sign-in failed, or too many attempts).
 */
export function SignInForm({
  callbackUrl,
  initialError,
}: {
  callbackUrl: string;
  initialError: "wrong" | "throttled" | null;
}) {
  const t = useTranslations("citizen.signIn");
  const [state, action, pending] = useActionState(signInWithPassword, initialError ? { error: initialError } : null);
  const error = state?.error ? t(state.error) : null;
  return (
    <form action={action} className="space-y-5" aria-describedby={error ? "signin-error" : undefined}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {error && <ErrorNote id="signin-error">{error}</ErrorNote>}
      <Field id="email" name="email" type="email" autoComplete="username" label={t("email")} />
      <Field id="password" name="password" type="password" autoComplete="current-password" label={t("password")} />
      <SubmitButton pending={pending} label={t("submit")} busyLabel={t("busy")} />
    </form>
  );
}
