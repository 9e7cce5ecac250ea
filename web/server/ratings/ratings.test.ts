import { randomUUID } from "node:crypto";
import { TEST_CODEC_KEYS } from "@visit-once/workflows/contracts/payload-codec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/access/policy";
import { testAccount, testDb } from "@/testing/database";
import { getApplication } from "../applications/get-application";
import { listInbox } from "../notifications/inbox";
import { rateApplication } from "../applications/rate-application";
import { findRectification, listRectifications } from "./list-rectifications";
import { getRatingFigures } from "./rating-figures";
import { isRectificationOverdue, rectificationDueAt } from "./rectification-deadline";
import { replyToRectification } from "./reply-rectification";

// Ratings that are answered, on real PostgreSQL and the package's working calendar: a bad rating
// opens a rectification for the office it is about, due in five working days; that office's
// officer answers it; the citizen sees the answer and rates again; the board counts it.
process.env.NEXTAUTH_SECRET ??= "ratings-test-secret";
process.env.VO_TEMPORAL_CODEC_KEYS ??= TEST_CODEC_KEYS;
const db = testDb();
const asActor = (u: { id: string; role: Actor["role"]; departmentCode: string | null }): Actor => ({
  id: u.id,
  role: u.role,
  departmentCode: u.departmentCode,
});
/** Wednesday 30 September 2026, 10:00 China time: the eve of the National Day holiday (1–7 October, 10 October worked). */
const EVE_OF_NATIONAL_DAY = Date.parse("2026-09-30T02:00:00Z");
const apps: string[] = [];
const users: string[] = [];
let citizen: Actor;
let stranger: Actor;
let police: Actor;
let medical: Actor;

async function completedNewborn(status: "COMPLETED" | "IN_DEPARTMENTS" = "COMPLETED"): Promise<string> {
  const id = randomUUID();
  apps.push(id);
  await db.application.create({
    data: {
      id,
      serviceCode: "newborn-registration",
      citizenId: citizen.id,
      status,
      consent: {},
      completedAt: status === "COMPLETED" ? new Date() : null,
      steps: {
        create: [
          {
            key: "household-registration",
            position: 10,
            kind: "DEPARTMENT",
            departmentCode: "public-security",
            status: "DONE",
          },
          {
            key: "medical-insurance-enrolment",
            position: 11,
            kind: "DEPARTMENT",
            departmentCode: "medical-security",
            status: "DONE",
          },
        ],
      },
    },
  });
  return id;
}

beforeAll(async () => {
  const made = await Promise.all([
    testAccount(db, "CITIZEN"),
    testAccount(db, "CITIZEN"),
    testAccount(db, "OFFICER", "public-security"),
    testAccount(db, "OFFICER", "medical-security"),
  ]);
  users.push(...made.map((u) => u.id));
  [citizen, stranger, police, medical] = made.map(asActor) as [Actor, Actor, Actor, Actor];
});

afterAll(async () => {
  await db.application.deleteMany({ where: { id: { in: apps } } });
  await db.user.deleteMany({ where: { id: { in: users } } });
  await db.$disconnect();
});

describe("the rectification deadline", () => {
  it("is five working days on the working calendar: a rating on the eve of National Day is due on 13 October, not the 7th", async () => {
    expect((await rectificationDueAt(db, EVE_OF_NATIONAL_DAY)).toISOString()).toBe("2026-10-13T02:00:00.000Z");
  });

  it("is overdue when unanswered past it, or answered after it", () => {
    const dueAt = new Date("2026-10-13T02:00:00Z");
    expect(isRectificationOverdue({ dueAt, repliedAt: null }, Date.parse("2026-10-13T01:59:59Z"))).toBe(false);
    expect(isRectificationOverdue({ dueAt, repliedAt: null }, Date.parse("2026-10-13T02:00:01Z"))).toBe(true);
    expect(
      isRectificationOverdue(
        { dueAt, repliedAt: new Date("2026-10-12T00:00:00Z") },
        Date.parse("2026-12-01T00:00:00Z"),
      ),
    ).toBe(false);
    expect(
      isRectificationOverdue(
        { dueAt, repliedAt: new Date("2026-10-14T00:00:00Z") },
        Date.parse("2026-10-14T00:00:00Z"),
      ),
    ).toBe(true);
  });
});

describe("a bad rating answered", () => {
  it("opens a rectification for the lead office, which its officer answers; the citizen sees it and rates again; the board counts it", async () => {
    const id = await completedNewborn();
    const before = (await getRatingFigures(db)).find((f) => f.office === "public-security")!;
    const requestId = randomUUID();
    expect(
      await rateApplication(
        citizen,
        { applicationId: id, rating: "BAD", comment: "  排队太久 " },
        requestId,
        db,
        () => EVE_OF_NATIONAL_DAY,
      ),
    ).toBe("rated");
    const [rectification] = await db.ratingRectification.findMany({ where: { applicationId: id } });
    expect(rectification).toMatchObject({
      office: "public-security",
      dueAt: new Date("2026-10-13T02:00:00Z"),
      repliedAt: null,
    });
    // The office is told in its inbox, with the due day and a way to its ratings; the comment stays on the rating.
    const policeInbox = await listInbox(police, 50, db);
    expect(policeInbox.filter((m) => m.applicationId === id)).toMatchObject([
      {
        kind: "rating-bad",
        params: { office: "public-security", dueDay: "2026-10-13" },
        href: "/staff/ratings",
        to: "office",
      },
    ]);
    expect(JSON.stringify(policeInbox)).not.toContain("排队太久");
    expect((await listInbox(medical, 50, db)).some((m) => m.applicationId === id)).toBe(false);
    expect(await db.auditEntry.findFirst({ where: { requestId } })).toMatchObject({
      actorId: citizen.id,
      action: "rate",
      resource: `case:${id}/rating`,
      allowed: true,
      outcome: "rated",
    });
    // Once rated, not again until the office answers.
    expect(await rateApplication(citizen, { applicationId: id, rating: "GOOD" }, randomUUID(), db)).toBe(
      "already-rated",
    );
    expect((await getApplication(id, citizen.id, db))?.canRate).toBe(false);

    // The office's queue has it, overdue once its due time has passed; another office's does not.
    expect(
      (await listRectifications("public-security", db, Date.parse("2026-10-01T00:00:00Z"))).find(
        (r) => r.id === rectification!.id,
      ),
    ).toMatchObject({ overdue: false, comment: "排队太久", round: 1 });
    expect((await listRectifications("public-security", db)).find((r) => r.id === rectification!.id)).toMatchObject({
      overdue: true,
    });
    expect((await listRectifications("medical-security", db)).some((r) => r.id === rectification!.id)).toBe(false);

    // Only its own office answers, with both texts; then once.
    expect(
      await replyToRectification(
        medical,
        { rectificationId: rectification!.id, reply: "x", fixed: "y" },
        randomUUID(),
        db,
      ),
    ).toEqual({ ok: false, error: "not-found" });
    expect(
      await replyToRectification(
        stranger,
        { rectificationId: rectification!.id, reply: "x", fixed: "y" },
        randomUUID(),
        db,
      ),
    ).toEqual({ ok: false, error: "not-found" });
    expect(
      await replyToRectification(
        police,
        { rectificationId: rectification!.id, reply: "抱歉", fixed: "   " },
        randomUUID(),
        db,
      ),
    ).toEqual({ ok: false, error: "invalid", fields: ["fixed"] });
    expect((await findRectification(rectification!.id, db))?.repliedAt).toBeNull();
    expect(
      await replyToRectification(
        police,
        { rectificationId: rectification!.id, reply: "抱歉让您久等。", fixed: "窗口增加了一名值班民警。" },
        randomUUID(),
        db,
      ),
    ).toEqual({ ok: true });
    expect(
      await replyToRectification(
        police,
        { rectificationId: rectification!.id, reply: "again", fixed: "again" },
        randomUUID(),
        db,
      ),
    ).toEqual({ ok: false, error: "already-replied" });

    // She sees the answer and rates again: the new rating is in force, the old one stays.
    const answered = await getApplication(id, citizen.id, db);
    expect(answered?.canRate).toBe(true);
    expect(answered?.ratings?.[0]?.rectification).toMatchObject({
      reply: "抱歉让您久等。",
      fixed: "窗口增加了一名值班民警。",
    });
    expect(
      await rateApplication(citizen, { applicationId: id, rating: "GOOD", comment: "改进了" }, randomUUID(), db),
    ).toBe("rated");
    const after = await getApplication(id, citizen.id, db);
    expect(after?.ratings?.map((r) => [r.round, r.rating, r.rectification === null])).toEqual([
      [1, "BAD", false],
      [2, "GOOD", true],
    ]);
    expect(after?.canRate).toBe(false);

    // The board: one more bad rating for public security, answered, and late (due 13 October, answered today).
    const figures = (await getRatingFigures(db)).find((f) => f.office === "public-security")!;
    expect([figures.bad - before.bad, figures.replied - before.replied, figures.overdue - before.overdue]).toEqual([
      1, 1, 1,
    ]);
    expect(figures.medianReplySeconds).not.toBeNull();
  });

  it("goes to the office the citizen names among the case's offices; refuses any other, a running case and a stranger, changing nothing", async () => {
    const id = await completedNewborn();
    expect(
      await rateApplication(citizen, { applicationId: id, rating: "BAD", office: "taxation" }, randomUUID(), db),
    ).toBe("invalid");
    expect(await rateApplication(stranger, { applicationId: id, rating: "BAD" }, randomUUID(), db)).toBe("not-found");
    expect(await rateApplication(null, { applicationId: id, rating: "BAD" }, randomUUID(), db)).toBe("not-found");
    expect(await rateApplication(citizen, { applicationId: id, rating: "MEH" }, randomUUID(), db)).toBe("invalid");
    expect(await db.serviceRating.count({ where: { applicationId: id } })).toBe(0);
    expect(
      await rateApplication(
        citizen,
        { applicationId: id, rating: "BAD", office: "medical-security" },
        randomUUID(),
        db,
      ),
    ).toBe("rated");
    expect(await db.ratingRectification.findFirst({ where: { applicationId: id } })).toMatchObject({
      office: "medical-security",
    });
    const running = await completedNewborn("IN_DEPARTMENTS");
    expect(await rateApplication(citizen, { applicationId: running, rating: "BAD" }, randomUUID(), db)).toBe(
      "not-completed",
    );
    expect(await db.serviceRating.count({ where: { applicationId: running } })).toBe(0);
  });

  it("a good rating opens nothing", async () => {
    const id = await completedNewborn();
    expect(await rateApplication(citizen, { applicationId: id, rating: "GOOD" }, randomUUID(), db)).toBe("rated");
    expect(await db.ratingRectification.count({ where: { applicationId: id } })).toBe(0);
    expect(await db.notification.count({ where: { applicationId: id } })).toBe(0);
    expect((await getApplication(id, citizen.id, db))?.canRate).toBe(false);
  });
});
