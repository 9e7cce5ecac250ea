import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DueDate } from "@/components/staff/due-date";
import { isUuid } from "@/lib/validation";
import { authorise } from "@/server/access/authorise";
import { officeLabel, serviceLabel } from "@/server/localised";
import { findRectification } from "@/server/ratings/list-rectifications";
import { requireRectifications } from "@/server/ratings/require-rectifications";
import { ReplyForm } from "./reply-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.ratings"))("detailTitle") };
}

/** One bad rating: what the citizen said (and before), when the answer is due, and the office's answer or its form. */
export default async function RectificationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user } = await requireRectifications();
  const r = isUuid(id) ? await findRectification(id) : null;
  // Another office's looks absent, like one that does not exist.
  if (
    !r ||
    !(await authorise(user, "read", { kind: "rectification", office: r.office }, `rectification:${id}`)).allowed
  )
    notFound();
  const [t, locale, format] = await Promise.all([getTranslations("staff.ratings"), getLocale(), getFormatter()]);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const mayReply = r.repliedAt === null && user.role === "OFFICER";
  return (
    <section aria-labelledby="rectification-title" className="space-y-6">
      <Link href="/staff/ratings" className="text-sm text-blue-800 underline underline-offset-4">
        {t("back")}
      </Link>
      <div>
        <h1 id="rectification-title" className="text-2xl font-semibold">
          {t("detailTitle")}
        </h1>
        <p className="break-all text-sm text-slate-700">
          {t("about", {
            service: serviceLabel(locale, r.serviceCode),
            office: officeLabel(locale, r.office),
            id: r.applicationId,
          })}
        </p>
      </div>
      <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t("comment")}</dt>
        <dd data-testid="rectification-comment">{r.comment ?? t("noComment")}</dd>
        <dt className="font-medium">{t("ratedAt")}</dt>
        <dd>{when(r.ratedAt)}</dd>
        <dt className="font-medium">{t("due")}</dt>
        <dd>
          <DueDate dueAt={new Date(r.dueAt)} now={new Date()} done={r.repliedAt !== null} />
        </dd>
        {r.history.length > 0 && (
          <>
            <dt className="font-medium">{t("history")}</dt>
            <dd>
              <ul className="space-y-1">
                {r.history.map((h) => (
                  <li key={h.round}>
                    {t("historyRound", {
                      round: h.round,
                      rating: t(`rating.${h.rating}`),
                      comment: h.comment ?? t("noComment"),
                    })}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {r.repliedAt ? (
        <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="rectification-answer">
          <h2 className="text-xl font-semibold">{t("answered", { date: when(r.repliedAt) })}</h2>
          <p>
            <span className="font-medium">{t("replyLabel")}:</span> {r.reply}
          </p>
          <p>
            <span className="font-medium">{t("fixedLabel")}:</span> {r.fixed}
          </p>
        </div>
      ) : mayReply ? (
        <ReplyForm rectificationId={r.id} />
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white p-4">{t("awaiting")}</p>
      )}
    </section>
  );
}
