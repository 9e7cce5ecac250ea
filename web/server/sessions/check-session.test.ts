import { afterAll, describe, expect, it } from "vitest";
import { checkSession } from "./check-session";
import { revokeAllSessions, revokeSession } from "./revoke-sessions";
import { startSession } from "./start-session";
import { testAccount, testDb } from "@/testing/database";

const db = testDb();
afterAll(() => db.$disconnect());

const limits = { idleSeconds: 1800, maxSeconds: 43200 };
const t0 = new Date("2026-11-30T08:00:00Z");
const after = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

async function citizenSession() {
  const user = await testAccount(db, "CITIZEN");
  const sid = await startSession(db, { ...user, totpEnabledAt: null }, "credentials", t0);
  return { user, sid };
}

const reasonOf = async (sid: string) => (await db.session.findUniqueOrThrow({ where: { id: sid } })).revokedReason;

describe("server-side sessions on PostgreSQL, with an injected clock", () => {
  it("a fresh session is good and names its user", async () => {
    const { user, sid } = await citizenSession();
    const live = await checkSession(db, sid, user.id, limits, after(5));
    expect(live).toMatchObject({ id: sid, stage: "ACTIVE", user: { id: user.id, role: "CITIZEN" } });
  });

  it("a revoked session is over, and so is one presented with another user's id or a malformed id", async () => {
    const { user, sid } = await citizenSession();
    expect(await checkSession(db, sid, "00000000-0000-4000-8000-000000000000", limits, after(5))).toBeNull();
    expect(await checkSession(db, "not-a-uuid", user.id, limits, after(5))).toBeNull();
    await revokeSession(db, sid, "signed-out", after(10));
    expect(await checkSession(db, sid, user.id, limits, after(11))).toBeNull();
    expect(await reasonOf(sid)).toBe("signed-out");
  });

  it("ends after the idle limit without requests, and stays ended", async () => {
    const { user, sid } = await citizenSession();
    expect(await checkSession(db, sid, user.id, limits, after(1799))).not.toBeNull();
    // That request counted as activity: 29 minutes later it is still good…
    expect(await checkSession(db, sid, user.id, limits, after(1799 + 1740))).not.toBeNull();
    // …but 31 minutes of silence ends it.
    expect(await checkSession(db, sid, user.id, limits, after(1799 + 1740 + 1860))).toBeNull();
    expect(await reasonOf(sid)).toBe("idle");
    expect(await checkSession(db, sid, user.id, limits, after(1799 + 1740 + 1861))).toBeNull();
  });

  it("touches lastSeenAt at most about once a minute", async () => {
    const { user, sid } = await citizenSession();
    await checkSession(db, sid, user.id, limits, after(30));
    expect((await db.session.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt).toEqual(t0);
    await checkSession(db, sid, user.id, limits, after(61));
    expect((await db.session.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt).toEqual(after(61));
  });

  it("ends at the absolute lifetime however active the person is", async () => {
    const { user, sid } = await citizenSession();
    for (let s = 1500; s <= 43200; s += 1500)
      expect(await checkSession(db, sid, user.id, limits, after(s)), `at ${s}s`).not.toBeNull();
    expect(await checkSession(db, sid, user.id, limits, after(43201))).toBeNull();
    expect(await reasonOf(sid)).toBe("expired");
  });

  it("ends when the account's role or office changes (fail closed)", async () => {
    const officer = await testAccount(db, "OFFICER", "health");
    const enrolled = { ...officer, totpEnabledAt: t0 };
    const moved = await startSession(db, enrolled, "credentials", t0);
    const promoted = await startSession(db, enrolled, "credentials", t0);
    await db.user.update({ where: { id: officer.id }, data: { departmentCode: "taxation" } });
    expect(await checkSession(db, moved, officer.id, limits, after(5))).toBeNull();
    expect(await reasonOf(moved)).toBe("account-changed");
    // A session started before the change never comes back, even if the office is changed back.
    await db.user.update({ where: { id: officer.id }, data: { departmentCode: "health", role: "ADMIN" } });
    expect(await checkSession(db, promoted, officer.id, limits, after(6))).toBeNull();
  });

  it("staff start with their second factor (or enrolment) pending; citizens start signed in", async () => {
    const caseworker = await testAccount(db, "CASEWORKER");
    const enrolledSid = await startSession(db, { ...caseworker, totpEnabledAt: t0 }, "credentials", t0);
    const newSid = await startSession(db, { ...caseworker, totpEnabledAt: null }, "oidc", t0);
    expect((await checkSession(db, enrolledSid, caseworker.id, limits, after(1)))?.stage).toBe("SECOND_FACTOR");
    expect((await checkSession(db, newSid, caseworker.id, limits, after(1)))?.stage).toBe("ENROLMENT");
  });

  it("signing out everywhere ends every open session of that person only", async () => {
    const { user, sid } = await citizenSession();
    const second = await startSession(db, { ...user, totpEnabledAt: null }, "credentials", t0);
    const other = await citizenSession();
    expect(await revokeAllSessions(db, user.id, "signed-out-everywhere", after(5))).toBe(2);
    expect(await checkSession(db, sid, user.id, limits, after(6))).toBeNull();
    expect(await checkSession(db, second, user.id, limits, after(6))).toBeNull();
    expect(await checkSession(db, other.sid, other.user.id, limits, after(6))).not.toBeNull();
  });
});
