"use client";

import type { WorkingCalendar } from "@visit-once/workflows/contracts";
import { useTranslations } from "next-intl";
import { DeadlineText } from "@/components/deadline-text";
import type { FormEvent } from "react";
import type { InformationRequestView } from "@/lib/steps";
import { RequiredTextarea, useRequiredText } from "./required-textarea";
import { useCaseAction } from "./use-case-action";

function ReplyForm({
  applicationId,
  request,
  onChanged,
  now,
  calendar,
}: {
  applicationId: string;
  request: InformationRequestView;
  onChanged: () => void;
  now: Date;
  calendar?: WorkingCalendar;
}) {
  const t = useTranslations("citizen.case.requests");
  const reply = useRequiredText();
  const { send, busy, error } = useCaseAction(applicationId, onChanged);
  const id = `reply-${request.id}`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reply.check()) return;
    if (
      await send(
        { action: "reply", informationRequestId: request.id, reply: reply.value },
        { value: reply.value, kind: "reply" },
      )
    )
      reply.setValue("");
  }

  return (
    <form
      onSubmit={onSubmit}
      className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4"
      data-testid={`request-${request.id}`}
    >
      <p className="font-medium">{request.question}</p>
      <p className="text-sm text-slate-800">
        {t("answer")} <DeadlineText dueAt={request.dueAt} now={now} calendar={calendar} />
      </p>
      <RequiredTextarea
        id={id}
        label={t("label")}
        text={reply}
        maxLength={2000}
        emptyMessage={t("empty")}
        error={error}
      />
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:bg-slate-500"
      >
        {busy ? t("sending") : t("send")}
      </button>
    </form>
  );
}

/** Questions from a caseworker or an office: open ones with a reply form, answered ones with the reply. */
export function InformationRequests({
  applicationId,
  requests,
  onChanged,
  now,
  calendar,
}: {
  applicationId: string;
  requests: InformationRequestView[];
  onChanged: () => void;
  now: Date;
  calendar?: WorkingCalendar;
}) {
  const t = useTranslations("citizen.case.requests");
  if (requests.length === 0) return null;
  const open = requests.filter((r) => r.status === "OPEN");
  const past = requests.filter((r) => r.status !== "OPEN");
  return (
    <section aria-labelledby="requests-title" className="space-y-3">
      <h2 id="requests-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {open.length > 0 && <p className="text-slate-800">{t("intro")}</p>}
      {open.map((r) => (
        <ReplyForm
          key={r.id}
          applicationId={applicationId}
          request={r}
          onChanged={onChanged}
          now={now}
          calendar={calendar}
        />
      ))}
      {past.map((r) => (
        <div key={r.id} className="rounded-lg border border-slate-200 bg-white p-4">
          <p className="font-medium">{r.question}</p>
          <p className="text-sm text-slate-700">{t(`state.${r.status}`)}</p>
          {r.reply && <p className="mt-1">{t("yourReply", { reply: r.reply })}</p>}
        </div>
      ))}
    </section>
  );
}
