// The inbox on real PostgreSQL: a person sees her own messages and an officer his office's,
// nobody else's; marking read is audited, and a stranger's attempt is refused and changes nothing.
import { randomUUID } from "node:crypto";
import type { Db } from "@visit-once/prisma";
import { testFieldCipher } from "@visit-once/prisma/at-rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testAccount, testDb } from "@/testing/database";
import { countUnread, listInbox, markRead } from "./inbox";
import { findSettings, saveSettings } from "./settings";

let db: Db;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => {
  await db?.$disconnect();
});

async function caseWithMessages() {
  const citizen = await testAccount(db, "CITIZEN");
  // An office of its own, so other tests' messages to real offices stay out of the counts.
  const officeCode = `office-${randomUUID()}`;
  const officer = await testAccount(db, "OFFICER", officeCode);
  const otherOfficer = await testAccount(db, "OFFICER", `office-${randomUUID()}`);
  const applicationId = randomUUID();
  await db.application.create({
    data: { id: applicationId, serviceCode: "newborn-registration", citizenId: citizen.id, consent: ["identity"] },
  });
  const eventKey = `application-${applicationId}/${randomUUID()}`;
  await db.notification.createMany({
    data: [
      {
        eventKey,
        recipient: `user:${citizen.id}`,
        userId: citizen.id,
        channel: "IN_APP",
        applicationId,
        kind: "information-requested",
        params: { stepKey: "household-registration", dueDay: "2026-12-15" },
        state: "SENT",
      },
      {
        eventKey,
        recipient: `user:${citizen.id}`,
        userId: citizen.id,
        channel: "EMAIL",
        applicationId,
        kind: "information-requested",
        params: {},
        state: "SENT",
      },
      {
        eventKey: `${eventKey}-2`,
        recipient: `office:${officeCode}`,
        officeCode,
        channel: "IN_APP",
        applicationId,
        kind: "information-provided",
        params: { stepKey: "household-registration" },
        state: "SENT",
      },
    ],
  });
  const actor = (u: { id: string; role: "CITIZEN" | "OFFICER"; departmentCode: string | null }) => ({
    id: u.id,
    role: u.role,
    departmentCode: u.departmentCode,
  });
  return {
    applicationId,
    citizen: actor(citizen as never),
    officer: actor(officer as never),
    otherOfficer: actor(otherOfficer as never),
  };
}

describe("inbox", () => {
  it("each sees their own in-app messages and an officer his office's; marking read is theirs alone", async () => {
    const { applicationId, citizen, officer, otherOfficer } = await caseWithMessages();
    const mine = await listInbox(citizen, 50, db);
    expect(mine.map((m) => [m.kind, m.href, m.read, m.to])).toEqual([
      ["information-requested", `/applications/${applicationId}`, false, "me"],
    ]);
    expect(await countUnread(citizen, db)).toBe(1);
    const office = await listInbox(officer, 50, db);
    expect(office.map((m) => [m.kind, m.href, m.to])).toEqual([
      ["information-provided", `/staff/tasks/${applicationId}/household-registration`, "office"],
    ]);
    expect(await listInbox(otherOfficer, 50, db)).toEqual([]);

    // Another office's officer cannot mark it; the refusal is audited and nothing changes.
    const requestId = randomUUID();
    expect(await markRead(otherOfficer, office[0]!.id, requestId, db)).toBe("not-found");
    expect(await db.auditEntry.findFirst({ where: { requestId, allowed: false, action: "mark-read" } })).not.toBeNull();
    expect(await countUnread(officer, db)).toBe(1);
    expect(await markRead(citizen, "not-a-uuid", randomUUID(), db)).toBe("not-found");

    expect(await markRead(officer, office[0]!.id, randomUUID(), db)).toBe("marked");
    expect(await countUnread(officer, db)).toBe(0);
    expect(await markRead(citizen, "all", randomUUID(), db)).toBe("marked");
    expect(await countUnread(citizen, db)).toBe(0);
  });

  it("an escalation leads the supervising office to its board, not to a step it does not hold", async () => {
    const { applicationId, officer } = await caseWithMessages();
    await db.notification.create({
      data: {
        eventKey: `e/${randomUUID()}`,
        recipient: `office:${officer.departmentCode}`,
        officeCode: officer.departmentCode,
        channel: "IN_APP",
        applicationId,
        kind: "step-escalated",
        params: { stepKey: "household-registration", office: "public-security", dueDay: "2026-12-01" },
        state: "SENT",
      },
    });
    const escalated = (await listInbox(officer, 50, db)).find((m) => m.kind === "step-escalated");
    expect(escalated).toMatchObject({ href: "/staff/board", to: "office", params: { office: "public-security" } });
  });

  it("settings: a clear refusal for bad input, which changes nothing; the person's own otherwise", async () => {
    const { citizen } = await caseWithMessages();
    const cipher = testFieldCipher();
    const before = await db.user.findUniqueOrThrow({ where: { id: citizen.id } });
    expect(
      await saveSettings(citizen, { language: "fr", byEmail: true, bySms: false, phone: "" }, randomUUID(), db, cipher),
    ).toBe("invalid");
    expect(
      await saveSettings(citizen, { language: "en", byEmail: true, bySms: true, phone: "" }, randomUUID(), db, cipher),
    ).toBe("invalid-phone");
    expect(
      await saveSettings(
        citizen,
        { language: "en", byEmail: true, bySms: true, phone: "12345" },
        randomUUID(),
        db,
        cipher,
      ),
    ).toBe("invalid-phone");
    expect(await db.user.findUniqueOrThrow({ where: { id: citizen.id } })).toEqual(before);

    expect(
      await saveSettings(
        citizen,
        { language: "en", byEmail: false, bySms: true, phone: "138 0013 8000" },
        randomUUID(),
        db,
        cipher,
      ),
    ).toBe("saved");
    const saved = await db.user.findUniqueOrThrow({
      where: { id: citizen.id },
      select: { notifyLanguage: true, notifyByEmail: true, notifyBySms: true, phone: true },
    });
    expect(saved).toMatchObject({ notifyLanguage: "en", notifyByEmail: false, notifyBySms: true });
    // The number is sealed at rest, and opens to what she typed.
    expect(saved.phone).not.toContain("13800138000");
    expect(cipher.open(saved.phone!)).toBe("13800138000");
    expect(await findSettings(citizen, db, cipher)).toEqual({
      language: "en",
      byEmail: false,
      bySms: true,
      phone: "13800138000",
    });
  });
});
