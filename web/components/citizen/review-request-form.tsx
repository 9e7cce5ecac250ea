"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { RequiredTextarea, useRequiredText } from "./required-textarea";
import { useCaseAction } from "./use-case-action";

/** The citizen asks for a review (复核) of a refusal, with her grounds. */
export function ReviewRequestForm({ applicationId, reviewId }: { applicationId: string; reviewId: string }) {
  const t = useTranslations("citizen.case.review");
  const router = useRouter();
  const grounds = useRequiredText();
  const { send, busy, error } = useCaseAction(applicationId, () => router.refresh());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!grounds.check()) return;
    if (
      await send(
        { action: "request-review", reviewId, grounds: grounds.value },
        { value: grounds.value, kind: "reason" },
      )
    )
      grounds.setValue("");
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2" data-testid="review-request-form">
      <RequiredTextarea
        id={`grounds-${reviewId}`}
        label={t("groundsLabel")}
        text={grounds}
        maxLength={1000}
        emptyMessage={t("groundsEmpty")}
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
