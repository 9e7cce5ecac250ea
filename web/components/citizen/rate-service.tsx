"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import type { RatingView } from "@/lib/steps";
import type { RateState } from "@/server/applications/rate-application";

export type RateAction = (previous: RateState, form: FormData) => Promise<RateState>;

/**
 * Rating the service once the case is complete: good or bad, about which office, and an optional
 * comment. A bad rating is answered by that office; her ratings and the answers are listed, and
 * after an answer she may rate again (the new rating is in force, the old one stays listed).
 */
export function RateService({
  applicationId,
  ratings,
  canRate,
  offices,
  officeNames,
  rate,
}: {
  applicationId: string;
  ratings: RatingView[];
  canRate: boolean;
  offices: string[];
  officeNames: Record<string, string>;
  rate: RateAction;
}) {
  const t = useTranslations("citizen.case.rating");
  const [state, action, pending] = useActionState<RateState, FormData>(rate, { result: null });
  const done = !canRate || state.result === "rated" || state.result === "already-rated";

  return (
    <section aria-labelledby="rating-title" className="space-y-3">
      <h2 id="rating-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {ratings.length > 0 && <RatingHistory ratings={ratings} officeNames={officeNames} />}
      {done ? (
        <p
          role="status"
          data-testid="rating-thanks"
          className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900"
        >
          {state.result === "rated" || ratings.at(-1)?.rating !== "BAD" ? t("thanks") : t("awaitingReply")}
        </p>
      ) : (
        <form
          action={action}
          className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
          data-testid="rating-form"
        >
          <input type="hidden" name="applicationId" value={applicationId} />
          {ratings.length > 0 && <p className="text-slate-700">{t("rateAgain")}</p>}
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
          {offices.length > 1 && (
            <div>
              <label htmlFor="rating-office" className="block font-medium">
                {t("office")}
              </label>
              <select
                id="rating-office"
                name="office"
                defaultValue={offices[0]}
                className="mt-1 block rounded-md border border-slate-500 bg-white px-3 py-2"
              >
                {offices.map((o) => (
                  <option key={o} value={o}>
                    {officeNames[o] ?? o}
                  </option>
                ))}
              </select>
            </div>
          )}
          <label htmlFor="rating-comment" className="block font-medium">
            {t("comment")}
          </label>
          <textarea
            id="rating-comment"
            name="comment"
            rows={2}
            maxLength={1000}
            className="block w-full rounded-md border border-slate-500 bg-white px-3 py-2"
          />
          {state.result && state.result !== "rated" && (
            <p role="alert" className="text-sm text-red-800">
              {t(`errors.${state.result}`)}
            </p>
          )}
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:bg-slate-500"
          >
            {pending ? t("sending") : t("send")}
          </button>
        </form>
      )}
    </section>
  );
}

/** Her ratings, oldest first, each bad one with its office's answer or when it is due. */
function RatingHistory({ ratings, officeNames }: { ratings: RatingView[]; officeNames: Record<string, string> }) {
  const t = useTranslations("citizen.case.rating");
  const format = useFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  return (
    <ol className="space-y-2" data-testid="rating-history">
      {ratings.map((r, i) => (
        <li
          key={r.round}
          className="rounded-md border border-slate-200 bg-white p-3"
          data-testid={`rating-round-${r.round}`}
        >
          <p className="font-medium">
            {t("yourRating", { rating: t(r.rating), date: when(r.createdAt) })}
            {i === ratings.length - 1 && ratings.length > 1 && (
              <span className="ml-2 text-sm text-slate-700">{t("inForce")}</span>
            )}
          </p>
          {r.comment && <p className="text-slate-800">“{r.comment}”</p>}
          {r.rectification &&
            (r.rectification.repliedAt ? (
              <div className="mt-2 border-l-4 border-blue-700 pl-3" data-testid="rating-reply">
                <p className="text-sm text-slate-700">
                  {t("replyFrom", {
                    office: officeNames[r.office ?? ""] ?? r.office ?? "",
                    date: when(r.rectification.repliedAt),
                  })}
                </p>
                <p>{r.rectification.reply}</p>
                <p className="text-sm">
                  <span className="font-medium">{t("fixed")}</span> {r.rectification.fixed}
                </p>
              </div>
            ) : (
              <p className="mt-2 text-sm text-slate-700">
                {t("replyDue", {
                  office: officeNames[r.office ?? ""] ?? r.office ?? "",
                  date: when(r.rectification.dueAt),
                })}
              </p>
            ))}
        </li>
      ))}
    </ol>
  );
}
