import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { env } from "@/env";
import { db } from "@/server/db";
import { listDevSms } from "@/server/notifications/dev-sms";
import { findSettings } from "@/server/notifications/settings";
import { requireUser } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications.mailbox"))("title") };
}

/**
 * Development only (404 with VO_ENV=production): the emails the worker's embedded transport
 * kept instead of sending, to the signed-in person's own address only.
 */
export default async function DevMailboxPage() {
  if (env().VO_ENV === "production") notFound();
  const user = await requireUser();
  const [t, format] = await Promise.all([getTranslations("notifications.mailbox"), getFormatter()]);
  const [mails, { phone }] = await Promise.all([
    db().devMailboxMessage.findMany({ where: { to: user.email }, orderBy: { sentAt: "desc" }, take: 50 }),
    findSettings(user),
  ]);
  const texts = phone ? await listDevSms(phone) : [];
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  return (
    <section aria-labelledby="mailbox-title" className="space-y-6">
      <div className="space-y-2">
        <h1 id="mailbox-title" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-slate-800">{t("intro", { email: user.email })}</p>
      </div>
      <h2 className="text-xl font-semibold">{t("emailTitle")}</h2>
      {mails.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <ul className="space-y-3">
          {mails.map((m) => (
            <li
              key={m.notificationId}
              data-testid="dev-mail"
              className="rounded-lg border border-slate-200 bg-white p-4"
            >
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                <dt className="font-medium">{t("to")}</dt>
                <dd>{m.to}</dd>
                <dt className="font-medium">{t("subject")}</dt>
                <dd data-testid="dev-mail-subject">{m.subject}</dd>
              </dl>
              <p className="mt-2 whitespace-pre-wrap break-words text-slate-900">{m.body}</p>
              <p className="mt-2 text-sm text-slate-700">{t("sent", { when: when(m.sentAt) })}</p>
            </li>
          ))}
        </ul>
      )}
      <h2 className="text-xl font-semibold">{t("smsTitle")}</h2>
      {!phone ? (
        <p className="text-slate-700">{t("smsNoPhone")}</p>
      ) : texts === null ? (
        <p className="text-slate-700">{t("smsUnavailable")}</p>
      ) : texts.length === 0 ? (
        <p className="text-slate-700">{t("smsEmpty")}</p>
      ) : (
        <ul className="space-y-3">
          {texts.map((m) => (
            <li key={m.bizId} data-testid="dev-sms" className="rounded-lg border border-slate-200 bg-white p-4">
              <p className="whitespace-pre-wrap break-words text-slate-900">{m.content}</p>
              <p className="mt-2 text-sm text-slate-700">{t("sent", { when: when(new Date(m.sentAt)) })}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
