"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

const input = "rounded border border-slate-400 px-2 py-1.5 focus:outline-2 focus:outline-blue-700";

/** What a mandate form's action answers: field problems (codes) with what was sent, or the new mandate. */
export type MandateFormState =
  { errors: Record<string, string>; values: Record<string, string | string[]> } | { granted: true };

/**
 * Grant a mandate (the grantor, in the portal: `portal`) or register a notarised one (a caseworker
 * from the paper: `notarised`, which also asks the grantor and the certificate number).
 */
export function MandateForm({
  mode,
  services,
  action: submit,
}: {
  mode: "portal" | "notarised";
  services: { code: string; title: string }[];
  action: (prev: MandateFormState | null, form: FormData) => Promise<MandateFormState>;
}) {
  const t = useTranslations("mandates.form");
  const [state, action, pending] = useActionState<MandateFormState | null, FormData>(submit, null);
  const errors = state && "errors" in state ? state.errors : {};
  const values = state && "values" in state ? state.values : {};
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const ticked = (code: string) => Array.isArray(values.services) && values.services.includes(code);
  const described = (name: string) => ({
    "aria-invalid": Boolean(errors[name]) || undefined,
    "aria-describedby": errors[name] ? `mandate-${name}-error` : undefined,
  });
  const error = (name: string) =>
    errors[name] ? (
      <span id={`mandate-${name}-error`} className="text-sm font-semibold text-red-800">
        {t(`errors.${errors[name]}`)}
      </span>
    ) : null;
  const field = (name: string, label: string, props: Record<string, unknown> = {}) => (
    <label className="flex flex-col gap-1 text-sm">
      {label}
      <input
        id={`mandate-${name}`}
        name={name}
        defaultValue={text(name)}
        className={input}
        {...described(name)}
        {...props}
      />
      {error(name)}
    </label>
  );
  const title = mode === "portal" ? t("grantTitle") : t("registerTitle");
  return (
    <form
      key={JSON.stringify(state)}
      action={action}
      aria-label={title}
      noValidate
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="mandate-form"
    >
      <h2 className="text-xl font-semibold">{title}</h2>
      <p className="text-sm text-slate-700">{mode === "portal" ? t("grantHint") : t("registerHint")}</p>
      {errors.form && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          {t(`errors.${errors.form}`)}
        </p>
      )}
      {Object.keys(errors).length > 0 && !errors.form && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          {t("errors.summary")}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        {mode === "notarised" && (
          <>
            {field("certificateNo", t("certificateNo"))}
            <span />
            {field("grantorNationalId", t("grantorNationalId"), {
              inputMode: "text",
              autoComplete: "off",
              maxLength: 18,
            })}
            {field("grantorName", t("grantorName"), { autoComplete: "off" })}
          </>
        )}
        {field("granteeNationalId", t("granteeNationalId"), { inputMode: "text", autoComplete: "off", maxLength: 18 })}
        {field("granteeName", t("granteeName"), { autoComplete: "off" })}
        {field("expiresOn", t("expiresOn"), { type: "date" })}
      </div>
      <fieldset className="space-y-2" {...described("services")}>
        <legend className="text-sm font-medium">{t("services")}</legend>
        {services.map((s) => (
          <div key={s.code} className="flex items-center gap-2">
            <input
              id={`mandate-service-${s.code}`}
              type="checkbox"
              name="services"
              value={s.code}
              defaultChecked={ticked(s.code)}
              className="h-4 w-4"
            />
            <label htmlFor={`mandate-service-${s.code}`}>{s.title}</label>
          </div>
        ))}
        {error("services")}
      </fieldset>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60"
      >
        {pending ? t("busy") : mode === "portal" ? t("grant") : t("register")}
      </button>
      {state && "granted" in state && (
        <p role="status" data-testid="mandate-granted" className="text-green-800">
          {mode === "portal" ? t("granted") : t("registered")}
        </p>
      )}
    </form>
  );
}
