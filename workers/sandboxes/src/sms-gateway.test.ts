// The SMS adapter against the SMS gateway sandbox, in the gateway's own format, and the notify
// activity's SMS channel on real PostgreSQL: one SMS per event and recipient, only to a person
// who gave a number and wants SMS; a refused message is a plain error without the number.
import { randomUUID } from "node:crypto";
import { DEMO_CITIZENS, type Db } from "@visit-once/prisma";
import type { NotifyInput } from "@visit-once/workflows/contracts";
import { DEFAULT_SMS_GATEWAY_KEY, fieldCipher } from "@visit-once/workers/env";
import { createNotifyActivity } from "@visit-once/workers/notifications/notify-activity";
import { createSmsSender } from "@visit-once/workers/notifications/sms";
import { testDatabase } from "@visit-once/workers/testing/database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSmsGateway, startSmsGateway } from "./sms-gateway";

let db: Db;
let gateway: RunningSmsGateway;
const cipher = fieldCipher();
beforeAll(async () => {
  [db, gateway] = await Promise.all([testDatabase(), startSmsGateway({ port: 0 })]);
});
afterAll(async () => {
  await gateway?.close();
  await db?.$disconnect();
});

const channels = () => ({
  mailer: null,
  sms: createSmsSender({ url: gateway.url, key: DEFAULT_SMS_GATEWAY_KEY }),
  siteUrl: "http://portal.test",
  cipher,
});

async function application(): Promise<{ id: string; citizenId: string }> {
  const citizen = await db.user.findUniqueOrThrow({ where: { email: DEMO_CITIZENS[1].email } });
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

describe("SMS", () => {
  it("the gateway refuses a wrong key or number, in words that never hold the number", async () => {
    const wrongKey = createSmsSender({ url: gateway.url, key: "not-the-key" });
    await expect(wrongKey!({ notificationId: randomUUID(), mobile: "13800138000", content: "x" })).rejects.toThrow(
      "The SMS gateway refused the message: HTTP 401 InvalidApiKey",
    );
    const sender = createSmsSender({ url: gateway.url, key: DEFAULT_SMS_GATEWAY_KEY })!;
    const refused = sender({ notificationId: randomUUID(), mobile: "12345", content: "x" });
    await expect(refused).rejects.toThrow("HTTP 400 InvalidMobile");
    await expect(refused).rejects.not.toThrow("12345");
  });

  it("one SMS per event, in the reader's language, only when she gave a number and wants SMS", async () => {
    const { id, citizenId } = await application();
    const notify = createNotifyActivity(db, channels()).notify;
    try {
      const quiet = question(id);
      await notify(quiet);
      expect(await db.notification.count({ where: { eventKey: quiet.eventKey, channel: "SMS" } })).toBe(0);

      await db.user.update({
        where: { id: citizenId },
        data: { phone: cipher.seal("13800138000"), notifyBySms: true },
      });
      const input = question(id);
      await Promise.all([notify(input), notify(input)]);
      await notify(input, 2);
      const row = await db.notification.findFirstOrThrow({ where: { eventKey: input.eventKey, channel: "SMS" } });
      expect(row).toMatchObject({ state: "SENT", userId: citizenId });
      const sent = gateway.sent.filter((m) => m.outId === row.id);
      expect(sent).toEqual([expect.objectContaining({ mobile: "13800138000", signName: "一次办" })]);
      expect(sent[0]!.content).toContain("需要您补充信息");
    } finally {
      await db.user.update({ where: { id: citizenId }, data: { phone: null, notifyBySms: false } });
    }
  });
});
