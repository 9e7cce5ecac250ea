"use client";

import { useFormatter, useTranslations } from "next-intl";
import { civilNoon } from "@/lib/dates";
import { useCaseAction } from "./use-case-action";

/**
 * The head of the preview: nothing has reached an office yet; what she is asked to do and by
 * when; and the confirmation that lets the case go on with the records shown below it.
 */
export function PreviewIntro({ dueDay }: { dueDay: string | null }) {
  const t = useTranslations("citizen.case.preview");
  const format = useFormatter();
  return (
    <>
      <h2 id="preview-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-slate-800">{t("intro")}</p>
      {dueDay && (
        <p className="font-medium text-slate-900" data-testid="preview-due">
          {t("due", {
            date: format.dateTime(civilNoon(dueDay), {
              dateStyle: "long",
              timeZone: "Asia/Shanghai",
            }),
          })}
        </p>
      )}
    </>
  );
}

export function PreviewConfirm({ applicationId, onChanged }: { applicationId: string; onChanged: () => void }) {
  const t = useTranslations("citizen.case.preview");
  const { send, busy, error } = useCaseAction(applicationId, onChanged);
  return (
    <div className="space-y-2">
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
      <button
        type="button"
        disabled={busy}
        onClick={() => void send({ action: "confirm" })}
        className="rounded-md bg-blue-800 px-5 py-2.5 font-semibold text-white hover:bg-blue-900 disabled:bg-slate-500"
      >
        {busy ? t("confirming") : t("confirm")}
      </button>
    </div>
  );
}
