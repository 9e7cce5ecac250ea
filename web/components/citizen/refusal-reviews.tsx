import { getFormatter, getTranslations } from "next-intl/server";
import { RefusalExplanationList } from "@/components/refusal-explanation";
import type { ReviewItem } from "@/server/reviews/review-view";
import { ReviewRequestForm } from "./review-request-form";

/** Each refusal of the case, explained, with the review (复核) it offers and how that stands. */
export async function RefusalReviews({
  applicationId,
  serviceCode,
  reviews,
}: {
  applicationId: string;
  serviceCode: string;
  reviews: ReviewItem[];
}) {
  if (reviews.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("citizen.case.review"), getFormatter()]);
  return (
    <section aria-labelledby="refusals-title" className="space-y-4">
      <h2 id="refusals-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {reviews.map((r) => (
        <article
          key={r.id}
          className="space-y-3 rounded-lg border border-red-200 bg-white p-4"
          data-testid="refusal"
          data-status={r.status}
        >
          {r.refusal ? <RefusalExplanationList refusal={r.refusal} serviceCode={serviceCode} /> : null}
          <p className="font-medium" data-testid="review-status">
            {t(`status.${r.status}`, {
              due: format.dateTime(r.dueAt, { dateStyle: "long", timeZone: "Asia/Shanghai" }),
            })}
          </p>
          {r.grounds && <p className="break-words text-sm">{t("yourGrounds", { grounds: r.grounds })}</p>}
          {r.reasons && (
            <p className="break-words text-sm" data-testid="review-reasons">
              {t("reasons", { reasons: r.reasons })}
            </p>
          )}
          {r.status === "OFFERED" && (
            <>
              <p className="text-sm text-slate-800">{t("intro")}</p>
              <ReviewRequestForm applicationId={applicationId} reviewId={r.id} />
            </>
          )}
        </article>
      ))}
    </section>
  );
}
