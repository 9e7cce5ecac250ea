import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { RefusalExplanationList } from "@/components/refusal-explanation";
import { serviceLabel, stepLabel } from "@/server/localised";
import { getReview } from "@/server/reviews/get-review";
import { requireUser } from "@/server/session";
import { STAFF_ROLES } from "@/server/staff/staff-home";
import { ReviewForm } from "./review-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.review"))("title") };
}

/** One refusal under review: the explanation, the applicant's grounds, and the reviewer's decision. */
export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(STAFF_ROLES);
  // Not a reviewer of it (the one who refused, another office), or no such review: the same 404.
  const review = /^[0-9a-f-]{36}$/i.test(id) ? await getReview(user, id) : null;
  if (!review) notFound();
  const [t, locale] = await Promise.all([getTranslations("staff.review"), getLocale()]);
  return (
    <article aria-labelledby="review-title" className="space-y-6">
      <div className="space-y-2">
        <Link href="/staff/reviews" className="text-sm text-blue-800 underline">
          {t("back")}
        </Link>
        <h1 id="review-title" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-slate-700">
          {serviceLabel(locale, review.serviceCode)}
          {review.stepKey ? ` · ${stepLabel(locale, review.serviceCode, review.stepKey)}` : ""}
        </p>
        <p className="break-all text-sm text-slate-700">
          {t("application")}: {review.applicationId}
        </p>
      </div>
      <section
        aria-labelledby="explanation-title"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="explanation-title" className="text-xl font-semibold">
          {t("explanationTitle")}
        </h2>
        {review.refusal && <RefusalExplanationList refusal={review.refusal} serviceCode={review.serviceCode} />}
      </section>
      {review.grounds && (
        <section aria-labelledby="grounds-title" className="space-y-2">
          <h2 id="grounds-title" className="text-xl font-semibold">
            {t("grounds")}
          </h2>
          <p className="break-words rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="review-grounds">
            {review.grounds}
          </p>
        </section>
      )}
      {review.status === "REQUESTED" ? (
        <ReviewForm applicationId={review.applicationId} reviewId={review.id} requestId={randomUUID()} />
      ) : (
        <p className="rounded-lg border border-slate-200 bg-slate-50 p-4" data-testid="review-closed">
          {t("closed", { status: t(`status.${review.status}`) })}
        </p>
      )}
    </article>
  );
}
