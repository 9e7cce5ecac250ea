"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { RateState } from "@/server/applications/rate-application";

export type RateAction = (previous: RateState, form: FormData) => Promise<RateState>;

/** Rating the service once the case is complete: good or bad, and an optional comment. */
export function RateService({ applicationId, rated, rate }: { applicationId: string; rated: boolean; rate: RateAction }) {
  const t = useTranslations("citizen.case.rating");
  const [state, action, pending] = useActionState<RateState, FormData>(rate, { result: null });
  const done = rated || state.result === "rated" || state.result === "already-rated";

  return (
    <section aria-labelledby="rating-title" className="space-y-3">
      <h2 id="rating-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {done ? (
        <p role="status" data-testid="rating-thanks" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900">
          {t("thanks")}
        </p>
      ) : (
        <form action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <input type="hidden" name="applicationId" value={applicationId} />
          <fieldset>
            <legend className="font-medium">{t("question")}</legend>
            <div className="mt-2 flex flex-wrap gap-6">
              {(["GOOD", "BAD"] as const).map((value) => (
                <label key={value} className="flex items-center gap-2">
                  <input type="radio" name="rating" value={value} required className="h-5 w-5 accent-blue-700" />
                  {t(value)}
                </label>
              ))}
            </div>
          </fieldset>
          <label htmlFor="rating-comment" className="block font-medium">
            {t("comment")}
          </label>
          <textarea id="rating-comment" name="comment" rows={2} maxLength={1000} className="block w-full rounded-md border border-slate-500 bg-white px-3 py-2" />
          {state.result && state.result !== "rated" && (
            <p role="alert" className="text-sm text-red-800">
              {t(`errors.${state.result}`)}
            </p>
          )}
          <button type="submit" disabled={pending} className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:bg-slate-500">
            {pending ? t("sending") : t("send")}
          </button>
        </form>
      )}
    </section>
  );
}
