"use client";

import type { RecordType } from "@visit-once/workflows/contracts";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useCaseAction } from "./use-case-action";

/** At the preview: withdrawing her consent for one optional record, after she says yes to what it means. */
export function WithdrawConsent({
  applicationId,
  recordType,
  recordLabel,
  onChanged,
}: {
  applicationId: string;
  recordType: string;
  recordLabel: string;
  onChanged: () => void;
}) {
  const t = useTranslations("citizen.case.withdraw");
  const [asking, setAsking] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const { send, busy, error } = useCaseAction(applicationId, onChanged);
  const id = `withdraw-${recordType}`;

  if (!asking) {
    return (
      <button
        type="button"
        onClick={() => {
          setAsking(true);
          requestAnimationFrame(() => questionRef.current?.focus());
        }}
        className="mt-3 rounded-md border border-slate-600 bg-white px-3 py-1.5 font-medium text-slate-900 hover:bg-slate-100"
      >
        {t("open", { record: recordLabel })}
      </button>
    );
  }
  return (
    <div
      role="group"
      aria-labelledby={`${id}-question`}
      className="mt-3 space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3"
    >
      <p id={`${id}-question`} ref={questionRef} tabIndex={-1} className="outline-none">
        {t("question", { record: recordLabel })}
      </p>
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          disabled={busy}
          onClick={() => void send({ action: "withdraw", recordType: recordType as RecordType })}
          className="rounded-md bg-amber-800 px-4 py-2 font-semibold text-white hover:bg-amber-900 disabled:bg-slate-500"
        >
          {busy ? t("sending") : t("yes")}
        </button>
        <button
          type="button"
          onClick={() => setAsking(false)}
          className="rounded-md border border-slate-500 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100"
        >
          {t("no")}
        </button>
      </div>
    </div>
  );
}
