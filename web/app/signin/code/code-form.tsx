"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { submitSecondFactor } from "../actions";
import { ErrorNote, Field, SubmitButton } from "../form-parts";

export function CodeForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("common.account.code");
  const tErrors = useTranslations("citizen.signIn");
  const [state, action, pending] = useActionState(submitSecondFactor, null);
  return (
    <form action={action} className="space-y-5" aria-describedby={state?.error ? "code-error" : undefined}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state?.error && <ErrorNote id="code-error">{tErrors(state.error)}</ErrorNote>}
      <Field
        id="code"
        name="code"
        type="text"
        inputMode="text"
        autoComplete="one-time-code"
        label={t("label")}
        hint={t("hint")}
      />
      <SubmitButton pending={pending} label={t("submit")} busyLabel={t("busy")} />
    </form>
  );
}
