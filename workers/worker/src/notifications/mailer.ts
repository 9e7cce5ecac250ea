import type { Db } from "@visit-once/prisma";
import nodemailer from "nodemailer";
import type { MailSettings } from "../env";

export interface Mail {
  /** The message's row id: the Message-ID, so a mail server can drop a repeat. */
  notificationId: string;
  to: string;
  subject: string;
  body: string;
}

/** Sends one email; `null` when this deployment sends none. */
export type Mailer = ((mail: Mail) => Promise<void>) | null;

/**
 * Email through nodemailer: SMTP when VO_SMTP_URL is set; in development nodemailer's JSON
 * transport, whose message lands in the development mailbox table (one row per message:
 * a repeated send changes nothing).
 */
export function createMailer(db: Db, settings: MailSettings): Mailer {
  if (settings.transport === "none") return null;
  const transport =
    settings.transport === "smtp"
      ? nodemailer.createTransport(settings.smtpUrl)
      : nodemailer.createTransport({ jsonTransport: true });
  return async ({ notificationId, to, subject, body }) => {
    const info = await transport.sendMail({
      from: settings.from,
      to,
      subject,
      text: body,
      messageId: `<${notificationId}@visit-once.local>`,
    });
    if (settings.transport !== "dev-mailbox") return;
    const sent = JSON.parse((info as unknown as { message: string }).message) as { subject: string; text: string };
    await db.devMailboxMessage.upsert({
      where: { notificationId },
      create: { notificationId, channel: "EMAIL", to, subject: sent.subject, body: sent.text },
      update: {},
    });
  };
}
