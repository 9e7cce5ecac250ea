"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { confirmSecondFactorEnrolment } from "../actions";
import { ErrorNote, Field, SubmitButton } from "../form-parts";

/** The secret as a QR code and as text, a code to confirm; then the recovery codes, once. */
export function EnrolForm({
  callbackUrl,
  setup,
}: {
  callbackUrl: string;
  setup: { secret: string; qrDataUri: string } | null;
}) {
  const t = useTranslations("common.account.enrol");
  const [state, action, pending] = useActionState(confirmSecondFactorEnrolment, null);
  const continueLink = (
    <Link
      href={callbackUrl}
      className="inline-block rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800"
    >
      {t("continue")}
    </Link>
  );
  if (state?.recoveryCodes) {
    return (
      <div className="space-y-4" data-testid="recovery-codes">
        <h2 className="text-lg font-semibold">{t("doneTitle")}</h2>
        <p>{t("codesIntro")}</p>
        <ul className="grid grid-cols-2 gap-2 font-mono text-lg">
          {state.recoveryCodes.map((c) => (
            <li key={c} data-testid="recovery-code">
              {c}
            </li>
          ))}
        </ul>
        {continueLink}
      </div>
    );
  }
  if (!setup) return continueLink;
  return (
    <div className="space-y-5">
      <p>{t("intro")}</p>
      <img
        src={setup.qrDataUri}
        alt={t("qr")}
        width={200}
        height={200}
        className="rounded border border-slate-300 bg-white"
      />
      <p>
        {t("manual")}{" "}
        <code className="break-all rounded bg-slate-100 px-2 py-1 font-mono" data-testid="totp-secret">
          {setup.secret.replace(/(.{4})/g, "$1 ").trim()}
        </code>
      </p>
      <form action={action} className="space-y-5" aria-describedby={state?.error ? "enrol-error" : undefined}>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        {state?.error && <ErrorNote id="enrol-error">{t("wrong")}</ErrorNote>}
        <Field id="code" name="code" type="text" inputMode="numeric" autoComplete="one-time-code" label={t("label")} />
        <SubmitButton pending={pending} label={t("submit")} busyLabel={t("busy")} />
      </form>
    </div>
  );
}
