"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { useCaseAction } from "./use-case-action";

/** Withdrawing the application, after a confirmation. */
export function CancelApplication({ applicationId, onChanged }: { applicationId: string; onChanged: () => void }) {
  const t = useTranslations("citizen.case.cancel");
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const { send, busy, error } = useCaseAction(applicationId, onChanged);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await send({ action: "cancel", reason }, { value: reason, kind: "reason" })) setConfirming(false);
  }

  return (
    <section aria-labelledby="cancel-title" className="space-y-3 border-t border-slate-200 pt-6">
      <h2 id="cancel-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {!confirming ? (
        <>
          <p className="text-slate-800">{t("intro")}</p>
          <button
            ref={openerRef}
            type="button"
            onClick={() => {
              setConfirming(true);
              requestAnimationFrame(() => headingRef.current?.focus());
            }}
            className="rounded-md border border-red-700 bg-white px-4 py-2 font-semibold text-red-800 hover:bg-red-50"
          >
            {t("open")}
          </button>
        </>
      ) : (
        <form
          onSubmit={onSubmit}
          role="group"
          aria-labelledby="cancel-confirm-title"
          className="space-y-3 rounded-lg border border-red-300 bg-red-50 p-4"
        >
          <h3
            id="cancel-confirm-title"
            ref={headingRef}
            tabIndex={-1}
            className="font-semibold text-red-900 outline-none"
          >
            {t("confirmTitle")}
          </h3>
          <p>{t("confirmText")}</p>
          <label htmlFor="cancel-reason" className="block font-medium">
            {t("reason")}
          </label>
          <textarea
            id="cancel-reason"
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            className="block w-full rounded-md border border-slate-500 bg-white px-3 py-2"
          />
          {error && (
            <p role="alert" className="text-sm text-red-800">
              {error}
            </p>
          )}
          <div className="flex flex-wrap gap-3">
            <button
              type="submit"
              disabled={busy}
              className="rounded-md bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900 disabled:bg-slate-500"
            >
              {busy ? t("sending") : t("confirm")}
            </button>
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => openerRef.current?.focus());
              }}
              className="rounded-md border border-slate-500 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100"
            >
              {t("keep")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
