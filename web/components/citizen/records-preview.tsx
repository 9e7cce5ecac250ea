"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { recordFieldRows, recordName } from "@/lib/record-entries";
import type { RecordType } from "@visit-once/workflows/contracts";
import type { RecordView } from "@/lib/steps";
import { RequiredTextarea, useRequiredText } from "./required-textarea";
import { useCaseAction } from "./use-case-action";
import { WithdrawConsent } from "./withdraw-consent";

/** At the preview: which records the service can do without, which she withdrew, and whether she may withdraw now. */
export interface PreviewConsent {
  optional: readonly string[];
  withdrawn: readonly string[];
  canWithdraw: boolean;
}

function DisputeControl({
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
  const t = useTranslations("citizen.case.dispute");
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const explanation = useRequiredText();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const { send, busy, error } = useCaseAction(applicationId, onChanged);
  const id = `dispute-${recordType}`;

  if (sent) {
    return (
      <p
        role="status"
        className="mt-3 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900"
        data-testid={`${id}-sent`}
      >
        {t("sent")}
      </p>
    );
  }
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => {
          setOpen(true);
          requestAnimationFrame(() => textRef.current?.focus());
        }}
        className="mt-3 rounded-md border border-red-700 px-3 py-1.5 font-medium text-red-800 hover:bg-red-50"
      >
        {t("open", { record: recordLabel })}
      </button>
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!explanation.check()) return;
    // A record type the case holds (the server checks it against the contracts' list).
    if (
      await send(
        { action: "dispute", recordType: recordType as RecordType, explanation: explanation.value },
        { value: explanation.value, kind: "reason" },
      )
    )
      setSent(true);
  }

  return (
    <form onSubmit={onSubmit} className="mt-3 space-y-2">
      <RequiredTextarea
        id={id}
        label={t("label", { record: recordLabel })}
        text={explanation}
        maxLength={1000}
        emptyMessage={t("empty")}
        error={error}
        textareaRef={textRef}
      />
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          disabled={busy}
          className="rounded-md bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900 disabled:bg-slate-500"
        >
          {busy ? t("sending") : t("send")}
        </button>
        <button
          type="button"
          onClick={() => setOpen(false)}
          className="rounded-md border border-slate-500 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100"
        >
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

/**
 * Every retrieved record, with the department it came from and when, and a way to say it is
 * wrong; at the preview, which ones the service needs, and a way to withdraw consent for the others.
 */
export function RecordsPreview({
  applicationId,
  records,
  officeNames,
  canDispute,
  consent,
  onChanged,
}: {
  applicationId: string;
  records: RecordView[];
  officeNames: Record<string, string>;
  canDispute: boolean;
  consent: PreviewConsent;
  onChanged: () => void;
}) {
  const t = useTranslations("citizen");
  const format = useFormatter();
  return (
    <section aria-labelledby="records-title" className="space-y-3">
      <h2 id="records-title" className="text-lg font-semibold">
        {t("case.recordsTitle")}
      </h2>
      {records.length === 0 && consent.withdrawn.length === 0 ? (
        <p className="text-slate-700">{t("case.noRecords")}</p>
      ) : (
        <ul className="space-y-3">
          {records.map((r) => {
            const label = recordName(t, r.recordType);
            return (
              <li
                key={r.recordType}
                data-testid={`record-${r.recordType}`}
                className="rounded-lg border border-slate-200 bg-white p-4"
              >
                <h3 className="font-semibold">{label}</h3>
                <p className="text-sm text-slate-800" data-testid="record-source">
                  {t("case.recordSource", {
                    department: officeNames[r.departmentCode] ?? r.departmentCode,
                    date: format.dateTime(new Date(r.retrievedAt), { dateStyle: "medium", timeStyle: "medium" }),
                    id: r.sourceRecordId,
                  })}
                </p>
                {r.certificate && (
                  <p className="mt-1 text-sm font-medium text-green-900" data-testid="record-certificate">
                    {t("case.recordFromCertificate", {
                      code: r.certificate.code,
                      date: format.dateTime(new Date(r.certificate.issuedAt), { dateStyle: "long" }),
                      office: officeNames[r.certificate.issuedBy] ?? r.certificate.issuedBy,
                    })}
                  </p>
                )}
                <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[14rem_1fr]">
                  {recordFieldRows(r.data, t).map((row) => (
                    <div key={row.key} className="contents">
                      <dt className="font-medium text-slate-700">{row.label}</dt>
                      <dd className="break-words">{row.value}</dd>
                    </div>
                  ))}
                </dl>
                {consent.canWithdraw && (
                  <p className="mt-2 text-sm text-slate-800" data-testid="record-need">
                    {consent.optional.includes(r.recordType) ? t("case.preview.optional") : t("case.preview.required")}
                  </p>
                )}
                {canDispute && (
                  <DisputeControl
                    applicationId={applicationId}
                    recordType={r.recordType}
                    recordLabel={label}
                    onChanged={onChanged}
                  />
                )}
                {consent.canWithdraw && consent.optional.includes(r.recordType) && (
                  <WithdrawConsent
                    applicationId={applicationId}
                    recordType={r.recordType}
                    recordLabel={label}
                    onChanged={onChanged}
                  />
                )}
              </li>
            );
          })}
          {consent.withdrawn.map((recordType) => (
            <li
              key={recordType}
              data-testid={`withdrawn-${recordType}`}
              className="rounded-lg border border-slate-200 bg-slate-50 p-4"
            >
              <h3 className="font-semibold">{recordName(t, recordType)}</h3>
              <p className="text-sm text-slate-800">{t("case.preview.withdrawn")}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
