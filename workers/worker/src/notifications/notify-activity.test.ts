// The notify activity on real PostgreSQL: one row per event, recipient and channel however
// often it runs, email delivery state with attempts, and the development mailbox.
import { randomUUID } from "node:crypto";
import { DEMO_CITIZENS, type Db } from "@visit-once/prisma";
import { NOTIFY_MAX_ATTEMPTS, type NotifyInput } from "@visit-once/workflows/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../testing/database";
import { DEFAULT_SMS_GATEWAY_KEY, fieldCipher, type MailSettings } from "../env";
import { createMailer, type Mail, type Mailer } from "./mailer";
import { createNotifyActivity } from "./notify-activity";

let db: Db;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db?.$disconnect();
});

const devMail: MailSettings = {
  transport: "dev-mailbox",
  from: "Visit Once <no-reply@visit-once.local>",
  siteUrl: "http://portal.test",
  sms: { key: DEFAULT_SMS_GATEWAY_KEY },
};
/** The channels as the worker makes them: the development mailbox (SMS: workers/sandboxes/src/sms-gateway.test.ts). */
const channels = (mailer: Mailer = createMailer(db, devMail)) => ({
  mailer,
  sms: null,
  siteUrl: devMail.siteUrl,
  cipher: fieldCipher(),
});

async function application(): Promise<{ id: string; citizenId: string }> {
  const citizen = await db.user.findUniqueOrThrow({ where: { email: DEMO_CITIZENS[0].email } });
  const id = randomUUID();
  await db.application.create({
    data: { id, serviceCode: "newborn-registration", citizenId: citizen.id, consent: ["identity"] },
  });
  return { id, citizenId: citizen.id };
}

const question = (applicationId: string): NotifyInput => ({
  applicationId,
  eventKey: `application-${applicationId}/${randomUUID()}`,
  kind: "information-requested",
  params: { requestId: randomUUID(), dueDay: "2026-12-15", stepKey: "household-registration" },
  to: [{ citizen: true }],
});

describe("notify", () => {
  it("writes one in-app message and one email per recipient, however often it runs", async () => {
    const { id, citizenId } = await application();
    const notify = createNotifyActivity(db, channels()).notify;
    const input = question(id);
    await Promise.all([notify(input), notify(input)]);
    await notify(input);
    const rows = await db.notification.findMany({ where: { eventKey: input.eventKey }, orderBy: { channel: "asc" } });
    expect(rows.map((r) => [r.channel, r.state, r.userId, r.kind])).toEqual([
      ["IN_APP", "SENT", citizenId, "information-requested"],
      ["EMAIL", "SENT", citizenId, "information-requested"],
    ]);
    const mail = await db.devMailboxMessage.findUniqueOrThrow({ where: { notificationId: rows[1]!.id } });
    // Mei reads Chinese (no preference set): the email is in Chinese, with the step and the due day.
    expect(mail).toMatchObject({ to: DEMO_CITIZENS[0].email, subject: "请补充信息：新生儿出生“一件事”" });
    expect(mail.body).toContain("户口登记");
    expect(mail.body).toContain("2026-12-15");
    expect(mail.body).toContain(`http://portal.test/applications/${id}`);
  });

  it("an email in the reader's language; no email when she turned email off", async () => {
    const { id, citizenId } = await application();
    const notify = createNotifyActivity(db, channels()).notify;
    try {
      await db.user.update({ where: { id: citizenId }, data: { notifyLanguage: "en" } });
      const english = question(id);
      await notify(english);
      const email = await db.notification.findFirstOrThrow({ where: { eventKey: english.eventKey, channel: "EMAIL" } });
      expect((await db.devMailboxMessage.findUniqueOrThrow({ where: { notificationId: email.id } })).subject).toBe(
        "Information needed: Register a newborn",
      );

      await db.user.update({ where: { id: citizenId }, data: { notifyByEmail: false } });
      const quiet = question(id);
      await notify(quiet);
      expect((await db.notification.findMany({ where: { eventKey: quiet.eventKey } })).map((r) => r.channel)).toEqual([
        "IN_APP",
      ]);
    } finally {
      await db.user.update({ where: { id: citizenId }, data: { notifyLanguage: null, notifyByEmail: true } });
    }
  });

  it("a failed send counts an attempt and throws (Temporal retries); a retry sends only what is pending", async () => {
    const { id } = await application();
    const sent: Mail[] = [];
    let failures = 1;
    const flaky = async (mail: Mail) => {
      if (failures-- > 0) throw new Error("421 mail server busy");
      sent.push(mail);
    };
    const notify = createNotifyActivity(db, channels(flaky)).notify;
    const input = question(id);
    await expect(notify(input, 1)).rejects.toThrow("421 mail server busy");
    expect(
      await db.notification.findFirstOrThrow({ where: { eventKey: input.eventKey, channel: "EMAIL" } }),
    ).toMatchObject({ state: "PENDING", attempts: 1, lastError: "421 mail server busy" });
    await Promise.all([notify(input, 2), notify(input, 2)]);
    await notify(input, 3);
    expect(sent).toHaveLength(1);
    expect(
      await db.notification.findFirstOrThrow({ where: { eventKey: input.eventKey, channel: "EMAIL" } }),
    ).toMatchObject({ state: "SENT", attempts: 2, lastError: null });
  });

  it("keeps no recipient in a failure's text: neither on the row nor in the activity's failure", async () => {
    const { id } = await application();
    const refused = new Error(
      "550 5.1.1 <mei.wang@example.org>: Recipient address rejected; sms to +86 138 0013 8000 failed",
    );
    const notify = createNotifyActivity(
      db,
      channels(async () => Promise.reject(refused)),
    ).notify;
    const input = question(id);
    const thrown = await notify(input, 1).catch((e: Error) => e.message);
    expect(thrown).toBe("550 5.1.1 <<address>>: Recipient address rejected; sms to <number> failed");
    const row = await db.notification.findFirstOrThrow({ where: { eventKey: input.eventKey, channel: "EMAIL" } });
    expect(row.lastError).toBe(thrown);
  });

  it("after the last attempt the email stays FAILED, with the error", async () => {
    const { id } = await application();
    const notify = createNotifyActivity(
      db,
      channels(async () => Promise.reject(new Error("550 mailbox unavailable"))),
    ).notify;
    const input = question(id);
    await expect(notify(input, NOTIFY_MAX_ATTEMPTS - 1)).rejects.toThrow();
    expect(
      await db.notification.findFirstOrThrow({ where: { eventKey: input.eventKey, channel: "EMAIL" } }),
    ).toMatchObject({ state: "PENDING" });
    await expect(notify(input, NOTIFY_MAX_ATTEMPTS)).rejects.toThrow();
    expect(
      await db.notification.findFirstOrThrow({ where: { eventKey: input.eventKey, channel: "EMAIL" } }),
    ).toMatchObject({ state: "FAILED", attempts: NOTIFY_MAX_ATTEMPTS, lastError: "550 mailbox unavailable" });
    // The in-app message was delivered all the same.
    expect(
      await db.notification.findFirstOrThrow({ where: { eventKey: input.eventKey, channel: "IN_APP" } }),
    ).toMatchObject({ state: "SENT" });
  });

  it("escalation goes to the supervising office; an office gets in-app messages only", async () => {
    const { id } = await application();
    const notify = createNotifyActivity(db, channels()).notify;
    const { supervisingOfficeCode } = await db.office.findUniqueOrThrow({ where: { code: "public-security" } });
    expect(supervisingOfficeCode).toBeTruthy();
    const input: NotifyInput = {
      applicationId: id,
      eventKey: `e/${randomUUID()}`,
      kind: "step-escalated",
      params: { stepKey: "household-registration", office: "public-security", dueDay: "2026-12-01" },
      to: [{ supervisorOf: "public-security" }],
    };
    await notify(input);
    expect(
      (await db.notification.findMany({ where: { eventKey: input.eventKey } })).map((r) => [
        r.recipient,
        r.officeCode,
        r.channel,
      ]),
    ).toEqual([[`office:${supervisingOfficeCode}`, supervisingOfficeCode, "IN_APP"]]);
  });
});
