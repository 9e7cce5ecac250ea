import { getFormatter, getTranslations } from "next-intl/server";

export interface InformationRequestItem {
  id: string;
  question: string;
  status: string;
  reply: string | null;
  createdAt: Date;
  answeredAt: Date | null;
}

/** Questions asked of the citizen, and what they answered. */
export async function InformationRequests({ requests }: { requests: readonly InformationRequestItem[] }) {
  const [t, format] = await Promise.all([getTranslations("staff.requests"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <ul className="space-y-3">
      {requests.map((r) => (
        <li
          key={r.id}
          className="rounded-lg border border-slate-200 bg-white p-4 text-sm"
          data-testid="information-request"
          data-request-id={r.id}
          data-status={r.status}
        >
          <p>
            <span className="font-medium">{t("question")}</span> {r.question}
          </p>
          <p className="text-slate-700">{t("asked", { at: when(r.createdAt) })}</p>
          {r.reply ? (
            <p className="mt-2" data-testid="citizen-reply">
              <span className="font-medium">{t("reply")}</span> {r.reply}
              {r.answeredAt && <span className="text-slate-700"> ({when(r.answeredAt)})</span>}
            </p>
          ) : (
            <p className="mt-2 text-slate-700">{t(r.status === "OPEN" ? "waiting" : "noReply")}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
