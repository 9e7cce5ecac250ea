"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { fieldErrors } from "@/components/field-errors";
import type { OfficeFieldErrors } from "@/server/offices/office-input";
import { type OfficeState, saveOfficeAction } from "./actions";

const input = "rounded border border-slate-400 px-2 py-1.5 focus:outline-2 focus:outline-blue-700";

interface OfficeValues {
  code: string;
  nameEn: string;
  nameZh: string;
  supervisor: string;
}

/** Adds an office (`mode` create: the code is typed) or edits one (the code is fixed). */
export function OfficeForm({
  mode,
  initial,
  offices,
}: {
  mode: "create" | "change";
  initial: OfficeValues;
  offices: { code: string; name: string }[];
}) {
  const t = useTranslations("staff.admin.offices");
  const tError = useTranslations("staff.admin.errors");
  const [state, action, pending] = useActionState<OfficeState | null, FormData>(saveOfficeAction, null);
  const errors: OfficeFieldErrors = state && "errors" in state ? state.errors : {};
  // After a refusal, what was sent; after an edit, what was saved; after adding one, an empty form.
  const keep = state && ("errors" in state || mode === "change");
  const values = keep ? { ...initial, ...state.values } : initial;
  const { error, described } = fieldErrors("office", errors, (code) => tError(code));
  const title = mode === "create" ? t("create") : t("editTitle", { code: initial.code });
  return (
    // A new key after each answer: React resets a form after its action, to the defaults of this render.
    <form
      key={JSON.stringify(state)}
      action={action}
      aria-label={title}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 className="text-xl font-semibold">{title}</h2>
      <input type="hidden" name="mode" value={mode} />
      <div className="grid gap-3 sm:grid-cols-2">
        {mode === "create" ? (
          <label className="flex flex-col gap-1 text-sm">
            {t("code")}
            <input
              name="code"
              required
              maxLength={40}
              defaultValue={values.code}
              className={input}
              {...described("code")}
            />
            {error("code")}
          </label>
        ) : (
          <input type="hidden" name="code" value={initial.code} />
        )}
        <label className="flex flex-col gap-1 text-sm">
          {t("nameEn")}
          <input
            name="nameEn"
            required
            maxLength={200}
            defaultValue={values.nameEn}
            className={input}
            {...described("nameEn")}
          />
          {error("nameEn")}
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("nameZh")}
          <input
            name="nameZh"
            required
            maxLength={200}
            defaultValue={values.nameZh}
            className={input}
            {...described("nameZh")}
          />
          {error("nameZh")}
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("supervisor")}
          <select name="supervisor" defaultValue={values.supervisor} className={input} {...described("supervisor")}>
            <option value="">{t("supervisorNone")}</option>
            {offices
              .filter((o) => o.code !== initial.code)
              .map((o) => (
                <option key={o.code} value={o.code}>
                  {o.name}
                </option>
              ))}
          </select>
          {error("supervisor")}
        </label>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60"
      >
        {pending ? t("busy") : t("save")}
      </button>
      {state && "outcome" in state && (
        <p role="status" data-testid="office-outcome" className="text-green-800">
          {state.outcome === "done" ? t("saved") : t("unchanged")}
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
