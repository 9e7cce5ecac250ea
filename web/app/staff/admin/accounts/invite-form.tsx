"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { formatDayTime } from "@/lib/dates";
import { inviteAction, type InviteState } from "./actions";
import { RoleOfficeFields } from "./role-office-fields";

const input = "rounded border border-slate-400 px-2 py-1.5 focus:outline-2 focus:outline-blue-700";

/** Creates a staff account; shows its one-time invitation link once, on this screen only. */
export function InviteForm({ offices }: { offices: { code: string; name: string }[] }) {
  const t = useTranslations("staff.admin.accounts.invite");
  const tError = useTranslations("staff.admin.errors");
  const locale = useLocale();
  const [state, action, pending] = useActionState<InviteState | null, FormData>(inviteAction, null);
  const errors = state && "errors" in state ? state.errors : {};
  const values = state && "values" in state ? state.values : {};
  const error = (name: keyof typeof errors) =>
    errors[name] ? (
      <span id={`invite-${name}-error`} className="text-sm text-red-800">
        {tError(errors[name])}
      </span>
    ) : null;
  return (
    <section aria-labelledby="invite-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="invite-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {state && "link" in state && (
        <div
          role="status"
          data-testid="invitation-link"
          className="space-y-1 rounded-md border border-green-700 bg-green-50 px-3 py-2"
        >
          <p className="font-medium">{t("linkTitle", { name: state.name })}</p>
          <p className="text-sm">{t("linkIntro", { date: formatDayTime(state.expiresAt, locale) })}</p>
          <code className="block break-all rounded bg-white px-2 py-1 text-sm">{`${window.location.origin}${state.link}`}</code>
        </div>
      )}
      {errors.form && (
        <p role="alert" className="text-red-800">
          {tError(errors.form)}
        </p>
      )}
      {/* A new key after each answer: the fields show what was sent, or start empty after a success. */}
      <form key={JSON.stringify(state)} action={action} className="grid gap-3 sm:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm">
          {t("email")}
          <input
            name="email"
            type="email"
            required
            defaultValue={values.email}
            aria-invalid={Boolean(errors.email)}
            aria-describedby={errors.email ? "invite-email-error" : undefined}
            className={input}
          />
          {error("email")}
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("name")}
          <input
            name="name"
            required
            maxLength={200}
            defaultValue={values.name}
            aria-invalid={Boolean(errors.name)}
            aria-describedby={errors.name ? "invite-name-error" : undefined}
            className={input}
          />
          {error("name")}
        </label>
        <RoleOfficeFields
          idPrefix="invite"
          offices={offices}
          role={values.role ?? "OFFICER"}
          office={values.office ?? ""}
          errors={errors}
        />
        <div className="sm:col-span-2">
          <button
            type="submit"
            disabled={pending}
            className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60"
          >
            {pending ? t("busy") : t("submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
