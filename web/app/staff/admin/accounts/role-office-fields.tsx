"use client";

import { useTranslations } from "next-intl";
import type { FieldErrors } from "@/server/accounts/account-input";

const ROLES = ["CASEWORKER", "OFFICER", "ADMIN"] as const;
const select = "rounded border border-slate-400 px-2 py-1.5 focus:outline-2 focus:outline-blue-700";

/** The role and office choices, shared by the invite and change forms, each with its error. */
export function RoleOfficeFields({
  idPrefix,
  offices,
  role,
  office,
  errors,
}: {
  idPrefix: string;
  offices: { code: string; name: string }[];
  role: string;
  office: string;
  errors: FieldErrors;
}) {
  const t = useTranslations("staff.admin.accounts.invite");
  const tRole = useTranslations("staff.admin.roles");
  const tError = useTranslations("staff.admin.errors");
  return (
    <>
      <label className="flex flex-col gap-1 text-sm">
        {t("role")}
        <select
          name="role"
          defaultValue={role}
          aria-invalid={Boolean(errors.role)}
          aria-describedby={errors.role ? `${idPrefix}-role-error` : undefined}
          className={select}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tRole(r)}
            </option>
          ))}
        </select>
        {errors.role && (
          <span id={`${idPrefix}-role-error`} className="text-sm text-red-800">
            {tError(errors.role)}
          </span>
        )}
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t("office")}
        <select
          name="office"
          defaultValue={office}
          aria-invalid={Boolean(errors.office)}
          aria-describedby={errors.office ? `${idPrefix}-office-error` : undefined}
          className={select}
        >
          <option value="">{t("officeNone")}</option>
          {offices.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
        </select>
        {errors.office && (
          <span id={`${idPrefix}-office-error`} className="text-sm text-red-800">
            {tError(errors.office)}
          </span>
        )}
      </label>
    </>
  );
}
