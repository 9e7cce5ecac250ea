"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { type ChangeState, changeAccountAction } from "../actions";
import { RoleOfficeFields } from "../role-office-fields";

/** A staff account's role and office; saving ends the person's sessions (they sign in again). */
export function ChangeForm({
  userId,
  role,
  office,
  offices,
}: {
  userId: string;
  role: string;
  office: string;
  offices: { code: string; name: string }[];
}) {
  const t = useTranslations("staff.admin.account.change");
  const tError = useTranslations("staff.admin.errors");
  const [state, action, pending] = useActionState<ChangeState | null, FormData>(changeAccountAction, null);
  const errors = state && "errors" in state ? state.errors : {};
  const saved = state && "outcome" in state ? state : null;
  return (
    // A new key after each answer: React resets a form after its action; the saved choice is the new default.
    <form
      key={JSON.stringify(state)}
      action={action}
      aria-labelledby="change-title"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="change-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <input type="hidden" name="userId" value={userId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <RoleOfficeFields
          idPrefix="change"
          offices={offices}
          role={saved?.role ?? role}
          office={saved?.office ?? office}
          errors={errors}
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60"
      >
        {pending ? t("busy") : t("submit")}
      </button>
      {state && "outcome" in state && (
        <p role="status" data-testid="change-outcome" className="text-green-800">
          {t(state.outcome)}
        </p>
      )}
      {errors.form && (
        <p role="alert" className="text-red-800">
          {tError(errors.form)}
        </p>
      )}
    </form>
  );
}
