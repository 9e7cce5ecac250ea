"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { formatDayTime } from "@/lib/dates";
import { type ReissueState, reissueInvitationAction } from "../actions";

/** A new one-time link for someone who has not yet set a password; shown once, here. */
export function ReissueForm({ userId }: { userId: string }) {
  const t = useTranslations("staff.admin.account.reissue");
  const tInvite = useTranslations("staff.admin.accounts.invite");
  const tError = useTranslations("staff.admin.errors");
  const locale = useLocale();
  const [state, action, pending] = useActionState<ReissueState | null, FormData>(reissueInvitationAction, null);
  return (
    <form
      action={action}
      aria-labelledby="reissue-title"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="reissue-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <input type="hidden" name="userId" value={userId} />
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60"
      >
        {pending ? t("busy") : t("submit")}
      </button>
      {state && "link" in state && (
        <div
          role="status"
          data-testid="invitation-link"
          className="space-y-1 rounded-md border border-green-700 bg-green-50 px-3 py-2"
        >
          <p className="text-sm">{tInvite("linkIntro", { date: formatDayTime(state.expiresAt, locale) })}</p>
          <code className="block break-all rounded bg-white px-2 py-1 text-sm">{`${window.location.origin}${state.link}`}</code>
        </div>
      )}
      {state && "error" in state && (
        <p role="alert" className="text-red-800">
          {tError(state.error)}
        </p>
      )}
    </form>
  );
}
