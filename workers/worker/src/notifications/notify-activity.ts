import { Context } from "@temporalio/activity";
import type { Db } from "@visit-once/prisma";
import { type FieldCipher, isSealed } from "@visit-once/prisma/at-rest";
import {
  findService,
  isStepOffice,
  NOTIFY_MAX_ATTEMPTS,
  type NotifyInput,
  officeName,
} from "@visit-once/workflows/contracts";
import { emailText, mailLanguage } from "./email-text";
import type { Mailer } from "./mailer";
import type { SmsSender } from "./sms";

/**
 * A delivery failure's text with the recipient taken out: mail servers and SMS gateways name the
 * address or number they refused, and this text is kept on the message row and, as the activity's
 * failure, in the case's Temporal history.
 */
export function deliveryError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, "<address>")
    .replace(/\+?\d[\d\s-]{6,}\d/g, "<number>")
    .slice(0, 500);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Person {
  recipient: string;
  userId?: string;
  officeCode?: string;
  email?: string;
  mobile?: string;
  language?: string | null;
}

export interface Channels {
  mailer: Mailer;
  sms: SmsSender;
  /** The portal's address, for the links in a message. */
  siteUrl: string;
  /** Opens the sealed mobile numbers. */
  cipher: FieldCipher;
}

const PERSON = {
  id: true,
  email: true,
  notifyLanguage: true,
  notifyByEmail: true,
  phone: true,
  notifyBySms: true,
} as const;

/**
 * The notify activity. Rows first (one per event, recipient and channel: the unique key makes
 * a retry or a replay write nothing new), the in-app one delivered by being written; then each
 * email and SMS still pending is sent, claimed by its attempt number. A send that fails counts an attempt and throws, so Temporal
 * retries; the last attempt leaves the row FAILED.
 */
export function createNotifyActivity(db: Db, { mailer, sms, siteUrl, cipher }: Channels) {
  const person = (u: {
    id: string;
    email: string;
    notifyLanguage: string | null;
    notifyByEmail: boolean;
    phone: string | null;
    notifyBySms: boolean;
  }): Person => ({
    recipient: `user:${u.id}`,
    userId: u.id,
    email: u.notifyByEmail ? u.email : undefined,
    mobile: u.notifyBySms && u.phone && isSealed(u.phone) ? cipher.open(u.phone) : undefined,
    language: u.notifyLanguage,
  });
  return {
    async notify({ applicationId, eventKey, kind, params, to }: NotifyInput, attempt = attemptNumber()): Promise<void> {
      const app = await db.application.findUnique({
        where: { id: applicationId },
        select: { serviceCode: true, citizen: { select: PERSON } },
      });
      if (!app) return;
      const people: Person[] = [];
      for (const r of to) {
        if ("citizen" in r) {
          people.push(person(app.citizen));
        } else if ("userId" in r) {
          // Staff named by the workflow (who asked); ids that are not accounts (tests' actors) get nothing.
          const u = UUID.test(r.userId) ? await db.user.findUnique({ where: { id: r.userId }, select: PERSON }) : null;
          if (u) people.push(person(u));
        } else if ("office" in r) {
          people.push({ recipient: `office:${r.office}`, officeCode: r.office });
        } else {
          const office = await db.office.findUnique({
            where: { code: r.supervisorOf },
            select: { supervisingOfficeCode: true },
          });
          if (office?.supervisingOfficeCode)
            people.push({
              recipient: `office:${office.supervisingOfficeCode}`,
              officeCode: office.supervisingOfficeCode,
            });
        }
      }
      const now = new Date();
      const base = (p: Person) => ({
        eventKey,
        recipient: p.recipient,
        userId: p.userId,
        officeCode: p.officeCode,
        applicationId,
        kind,
        params,
      });
      await db.notification.createMany({
        data: people.flatMap((p) => [
          { ...base(p), channel: "IN_APP" as const, state: "SENT" as const, attempts: 1, sentAt: now },
          ...(p.email && mailer ? [{ ...base(p), channel: "EMAIL" as const }] : []),
          ...(p.mobile && sms ? [{ ...base(p), channel: "SMS" as const }] : []),
        ]),
        skipDuplicates: true,
      });

      const pending = await db.notification.findMany({
        where: { eventKey, channel: { in: ["EMAIL", "SMS"] }, state: "PENDING" },
      });
      if (pending.length === 0) return;
      const service = findService(app.serviceCode);
      const step = service?.steps.find((s) => s.key === params.stepKey);
      const context = {
        service: service?.title ?? { en: app.serviceCode, zh: app.serviceCode },
        step: step?.title,
        office: params.office && isStepOffice(params.office) ? officeName(params.office) : undefined,
        dueDay: params.dueDay,
        caseUrl: `${siteUrl}/applications/${applicationId}`,
      };
      let failure: unknown;
      for (const n of pending) {
        const to = people.find((p) => p.recipient === n.recipient);
        if (!to) continue;
        const { subject, body } = emailText(kind, mailLanguage(to.language), context);
        const send =
          n.channel === "EMAIL" && to.email && mailer
            ? () => mailer({ notificationId: n.id, to: to.email!, subject, body })
            : n.channel === "SMS" && to.mobile && sms
              ? () => sms({ notificationId: n.id, mobile: to.mobile!, content: body })
              : null;
        if (!send) continue;
        // Each attempt claims the row once: an attempt that timed out but still runs cannot send it twice.
        const claimed = await db.notification.updateMany({
          where: { id: n.id, state: "PENDING", attempts: { lt: attempt } },
          data: { attempts: attempt },
        });
        if (claimed.count === 0) continue;
        try {
          await send();
          await db.notification.update({
            where: { id: n.id },
            data: { state: "SENT", sentAt: new Date(), attempts: attempt, lastError: null },
          });
        } catch (err) {
          const lastError = deliveryError(err);
          failure = new Error(lastError);
          const state = attempt >= NOTIFY_MAX_ATTEMPTS ? "FAILED" : "PENDING";
          await db.notification.update({ where: { id: n.id }, data: { state, attempts: attempt, lastError } });
        }
      }
      if (failure) throw failure;
    },
  };
}

/** Temporal's attempt number (1 outside an activity, e.g. a direct call in a test). */
function attemptNumber(): number {
  try {
    return Context.current().info.attempt;
  } catch {
    return 1;
  }
}
