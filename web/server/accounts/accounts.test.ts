import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { afterAll, describe, expect, it } from "vitest";
import { ledgerTestDatabases } from "@visit-once/prisma/testing/ledger-databases";
import type { Actor } from "@/server/access/policy";
import { testAccount, testDb } from "@/testing/database";
import { checkSession } from "../sessions/check-session";
import { startSession } from "../sessions/start-session";
import { acceptInvitation } from "./accept-invitation";
import { changeStaffAccount } from "./change-staff-account";
import { inviteStaff } from "./invite-staff";
import { reissueInvitation } from "./reissue-invitation";
import { setAccountActive } from "./set-account-active";

const db = testDb();
afterAll(() => db.$disconnect());

const LIMITS = { idleSeconds: 1800, maxSeconds: 43200 };
const asActor = (u: { id: string; role: Actor["role"]; departmentCode: string | null }): Actor => ({
  id: u.id,
  role: u.role,
  departmentCode: u.departmentCode,
});
const email = () => `invited-${randomUUID()}@test.visit-once.local`;
const auditFor = (requestId: string) => db.auditEntry.findMany({ where: { requestId } });
const tokenOf = (path: string) => path.split("#")[1] ?? "";

describe("staff accounts on PostgreSQL", () => {
  it("an administrator invites an officer; the link sets the password once, is stored only hashed, and is audited once", async () => {
    const admin = asActor(await testAccount(db, "ADMIN"));
    const requestId = randomUUID();
    const address = email();
    const invited = await inviteStaff(
      admin,
      { email: address, name: "Officer Lin", role: "OFFICER", office: "health" },
      requestId,
      db,
    );
    if (!invited.ok) throw new Error(JSON.stringify(invited.errors));
    const token = tokenOf(invited.path);
    expect(token).toHaveLength(43);
    const stored = await db.staffInvitation.findFirstOrThrow({ where: { userId: invited.userId } });
    expect(stored.tokenHash).not.toContain(token);
    expect(await db.user.findUniqueOrThrow({ where: { id: invited.userId } })).toMatchObject({
      role: "OFFICER",
      departmentCode: "health",
      totpEnabledAt: null,
    });
    const audit = await auditFor(requestId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: admin.id,
      action: "invite",
      allowed: true,
      outcome: `invited:${invited.userId}`,
    });
    expect(
      Object.values(audit[0] ?? {})
        .map(String)
        .join(" "),
    ).not.toContain(token);

    expect(await acceptInvitation({ token, password: "short", confirm: "short" }, randomUUID(), db)).toEqual({
      ok: false,
      errors: { password: "password-short" },
    });
    expect(
      await acceptInvitation({ token, password: "a long enough one", confirm: "another one!!" }, randomUUID(), db),
    ).toEqual({ ok: false, errors: { confirm: "passwords-differ" } });
    const acceptId = randomUUID();
    expect(
      await acceptInvitation({ token, password: "a long enough one", confirm: "a long enough one" }, acceptId, db),
    ).toEqual({ ok: true, email: address });
    const user = await db.user.findUniqueOrThrow({ where: { id: invited.userId } });
    expect(await bcrypt.compare("a long enough one", user.passwordHash)).toBe(true);
    expect(await auditFor(acceptId)).toMatchObject([{ actorId: user.id, action: "accept", outcome: "done" }]);
    // Spent: the same link does nothing the second time.
    expect(
      await acceptInvitation({ token, password: "another password", confirm: "another password" }, randomUUID(), db),
    ).toEqual({ ok: false, errors: { form: "invitation-invalid" } });
    expect(
      await bcrypt.compare(
        "a long enough one",
        (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash,
      ),
    ).toBe(true);
  });

  it("refuses an expired link, an unknown token, bad input and a taken email, changing nothing", async () => {
    const admin = asActor(await testAccount(db, "ADMIN"));
    const past = new Date(Date.now() - 8 * 86_400_000);
    const invited = await inviteStaff(
      admin,
      { email: email(), name: "Late", role: "CASEWORKER", office: "" },
      randomUUID(),
      db,
      past,
    );
    if (!invited.ok) throw new Error("invite failed");
    expect(
      await acceptInvitation(
        { token: tokenOf(invited.path), password: "long enough pass", confirm: "long enough pass" },
        randomUUID(),
        db,
      ),
    ).toEqual({ ok: false, errors: { form: "invitation-invalid" } });
    expect(
      await acceptInvitation(
        { token: "x".repeat(43), password: "long enough pass", confirm: "long enough pass" },
        randomUUID(),
        db,
      ),
    ).toEqual({ ok: false, errors: { form: "invitation-invalid" } });

    const before = await db.user.count();
    const taken = await inviteStaff(
      admin,
      { email: (await testAccount(db, "CASEWORKER")).email, name: "Twin", role: "CASEWORKER", office: "" },
      randomUUID(),
      db,
    );
    expect(taken).toEqual({ ok: false, errors: { email: "email-taken" } });
    expect(
      await inviteStaff(admin, { email: "not an email", name: "", role: "CITIZEN", office: "" }, randomUUID(), db),
    ).toEqual({
      ok: false,
      errors: { email: "email-invalid", name: "name-invalid", role: "role-invalid" },
    });
    expect(
      await inviteStaff(admin, { email: email(), name: "No office", role: "OFFICER", office: "" }, randomUUID(), db),
    ).toEqual({ ok: false, errors: { office: "office-required" } });
    expect(
      await inviteStaff(
        admin,
        { email: email(), name: "Odd office", role: "OFFICER", office: "no-such-office" },
        randomUUID(),
        db,
      ),
    ).toEqual({ ok: false, errors: { office: "office-unknown" } });
    expect(
      await inviteStaff(
        admin,
        { email: email(), name: "Office", role: "CASEWORKER", office: "health" },
        randomUUID(),
        db,
      ),
    ).toEqual({ ok: false, errors: { office: "office-not-for-role" } });
    expect(await db.user.count()).toBe(before + 1);
  });

  it("a lost or expired link is replaced by a new one, which alone works, until the person has set a password", async () => {
    const admin = asActor(await testAccount(db, "ADMIN"));
    const past = new Date(Date.now() - 8 * 86_400_000);
    const invited = await inviteStaff(
      admin,
      { email: email(), name: "Lost link", role: "CASEWORKER", office: "" },
      randomUUID(),
      db,
      past,
    );
    if (!invited.ok) throw new Error("invite failed");
    const caseworker = asActor(await testAccount(db, "CASEWORKER"));
    expect(await reissueInvitation(caseworker, invited.userId, randomUUID(), db)).toEqual({
      ok: false,
      error: "not-found",
    });
    const first = await reissueInvitation(admin, invited.userId, randomUUID(), db);
    const second = await reissueInvitation(admin, invited.userId, randomUUID(), db);
    if (!first.ok || !second.ok) throw new Error("reissue failed");
    const accept = (path: string) =>
      acceptInvitation(
        { token: tokenOf(path), password: "long enough pass", confirm: "long enough pass" },
        randomUUID(),
        db,
      );
    expect(await accept(first.path)).toEqual({ ok: false, errors: { form: "invitation-invalid" } });
    expect((await accept(second.path)).ok).toBe(true);
    // In use now: no new link replaces the password.
    expect(await reissueInvitation(admin, invited.userId, randomUUID(), db)).toEqual({ ok: false, error: "not-found" });
    const seeded = await testAccount(db, "OFFICER", "health");
    expect(await reissueInvitation(admin, seeded.id, randomUUID(), db)).toEqual({ ok: false, error: "not-found" });
  });

  it("refuses everyone but an administrator, as absence, and records the refusal", async () => {
    for (const role of ["CASEWORKER", "OFFICER", "CITIZEN"] as const) {
      const someone = asActor(await testAccount(db, role, role === "OFFICER" ? "health" : null));
      const target = await testAccount(db, "OFFICER", "health");
      const requestId = randomUUID();
      expect(
        await inviteStaff(someone, { email: email(), name: "X", role: "ADMIN", office: "" }, requestId, db),
      ).toEqual({ ok: false, errors: { form: "not-found" } });
      expect(await setAccountActive(someone, target.id, false, requestId, db)).toEqual({
        ok: false,
        error: "not-found",
      });
      expect(await changeStaffAccount(someone, target.id, { role: "ADMIN", office: "" }, requestId, db)).toEqual({
        ok: false,
        errors: { form: "not-found" },
      });
      expect((await auditFor(requestId)).map((e) => [e.action, e.allowed])).toEqual([
        ["invite", false],
        ["deactivate", false],
        ["change", false],
      ]);
      expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
        role: "OFFICER",
        deactivatedAt: null,
      });
    }
    const citizen = await testAccount(db, "CITIZEN");
    const admin = asActor(await testAccount(db, "ADMIN"));
    expect(await setAccountActive(admin, citizen.id, false, randomUUID(), db)).toEqual({
      ok: false,
      error: "not-found",
    });
  });

  it("deactivation ends the person's sessions at once, is idempotent, and reactivation lets them sign in again", async () => {
    const admin = asActor(await testAccount(db, "ADMIN"));
    const officer = await testAccount(db, "OFFICER", "taxation");
    const sid = await startSession(db, { ...officer, totpEnabledAt: new Date() }, "credentials");
    expect(await checkSession(db, sid, officer.id, LIMITS)).not.toBeNull();
    expect(await setAccountActive(admin, officer.id, false, randomUUID(), db)).toEqual({ ok: true, outcome: "done" });
    expect(await checkSession(db, sid, officer.id, LIMITS)).toBeNull();
    expect(await db.session.findUniqueOrThrow({ where: { id: sid } })).toMatchObject({ revokedReason: "deactivated" });
    const again = randomUUID();
    expect(await setAccountActive(admin, officer.id, false, again, db)).toEqual({ ok: true, outcome: "unchanged" });
    expect(await auditFor(again)).toMatchObject([{ action: "deactivate", outcome: "unchanged" }]);
    expect(await setAccountActive(admin, officer.id, true, randomUUID(), db)).toEqual({ ok: true, outcome: "done" });
    expect(await checkSession(db, sid, officer.id, LIMITS)).toBeNull();
    const fresh = await startSession(db, { ...officer, totpEnabledAt: new Date() }, "credentials");
    expect(await checkSession(db, fresh, officer.id, LIMITS)).not.toBeNull();
  });

  it("changes role and office (ending the person's sessions through the role check), and never leaves no active administrator", async () => {
    // A database of its own: the test must know every administrator there is.
    const databases = ledgerTestDatabases();
    const { db } = await databases.fresh();
    const auditFor = (requestId: string) => db.auditEntry.findMany({ where: { requestId } });
    const admin = await testAccount(db, "ADMIN");
    const actor = asActor(admin);
    const officer = await testAccount(db, "OFFICER", "health");
    const sid = await startSession(db, { ...officer, totpEnabledAt: new Date() }, "credentials");
    expect(
      await changeStaffAccount(actor, officer.id, { role: "OFFICER", office: "taxation" }, randomUUID(), db),
    ).toEqual({ ok: true, outcome: "done" });
    expect(await checkSession(db, sid, officer.id, LIMITS)).toBeNull();
    expect(
      await changeStaffAccount(actor, officer.id, { role: "OFFICER", office: "taxation" }, randomUUID(), db),
    ).toEqual({ ok: true, outcome: "unchanged" });

    // The only active administrator: neither demoted nor deactivated, by themselves or anyone.
    const lastId = randomUUID();
    expect(await changeStaffAccount(actor, admin.id, { role: "CASEWORKER", office: "" }, lastId, db)).toEqual({
      ok: false,
      errors: { role: "last-admin" },
    });
    expect(await auditFor(lastId)).toMatchObject([{ action: "change", allowed: true, outcome: "last-admin" }]);
    expect(await setAccountActive(actor, admin.id, false, randomUUID(), db)).toEqual({
      ok: false,
      error: "last-admin",
    });
    // With a second one, either may go, but not both at once.
    const second = await testAccount(db, "ADMIN");
    const results = await Promise.all([
      setAccountActive(actor, second.id, false, randomUUID(), db),
      changeStaffAccount(asActor(second), admin.id, { role: "CASEWORKER", office: "" }, randomUUID(), db),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.user.count({ where: { role: "ADMIN", deactivatedAt: null } })).toBe(1);
    await databases.dropAll();
  }, 60_000);
});
