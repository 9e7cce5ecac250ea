import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { newRequestId } from "@/lib/request-id";
import { listInbox } from "@/server/notifications/inbox";
import { requireUser } from "@/server/session";
import { markReadAction } from "./mark-read-action";
import { messageValues } from "./message-text";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications.inbox"))("title") };
}

/** 消息: the signed-in person's messages (and an officer's office's), newest first, each marked read on request. */
export default async function InboxPage() {
  const user = await requireUser();
  const [t, kinds, locale, format, messages] = await Promise.all([
    getTranslations("notifications.inbox"),
    getTranslations("notifications.kinds"),
    getLocale(),
    getFormatter(),
    listInbox(user),
  ]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  const unread = messages.filter((m) => !m.read).length;
  const button =
    "rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100";
  return (
    <section aria-labelledby="inbox-title" className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-2">
          <h1 id="inbox-title" className="text-2xl font-semibold">
            {t("title")}
          </h1>
          <p className="text-slate-800">{user.role === "CITIZEN" ? t("intro") : t("staffIntro")}</p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Link href="/inbox/settings" className="text-blue-800 underline underline-offset-4">
            {t("settings")}
          </Link>
          {unread > 0 && (
            <form action={markReadAction}>
              <input type="hidden" name="id" value="all" />
              <input type="hidden" name="requestId" value={newRequestId()} />
              <button type="submit" className={button}>
                {t("markAllRead")}
              </button>
            </form>
          )}
        </div>
      </div>
      {messages.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <ul className="space-y-3" data-testid="inbox">
          {messages.map((m) => (
            <li
              key={m.id}
              data-testid="inbox-message"
              data-kind={m.kind}
              data-case={m.applicationId}
              data-read={m.read}
              className={`rounded-lg border p-4 ${m.read ? "border-slate-200 bg-white" : "border-blue-300 bg-blue-50"}`}
            >
              <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
                <span
                  className={`rounded px-2 py-0.5 text-xs font-semibold ${m.read ? "bg-slate-100 text-slate-700" : "bg-blue-800 text-white"}`}
                >
                  {m.read ? t("read") : t("unread")}
                </span>
                {m.to === "office" && (
                  <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
                    {t("toOffice")}
                  </span>
                )}
                <span>{t("received", { when: when(m.createdAt) })}</span>
              </div>
              <p className="mt-2 text-slate-900">{kinds(m.kind, messageValues(locale, m))}</p>
              <div className="mt-3 flex flex-wrap items-center gap-3">
                <Link href={m.href} className="text-blue-800 underline underline-offset-4">
                  {t("open")}
                </Link>
                {!m.read && (
                  <form action={markReadAction}>
                    <input type="hidden" name="id" value={m.id} />
                    <input type="hidden" name="requestId" value={newRequestId()} />
                    <button type="submit" className={button}>
                      {t("markRead")}
                    </button>
                  </form>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
