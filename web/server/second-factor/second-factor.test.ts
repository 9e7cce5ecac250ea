import { afterAll, describe, expect, it } from "vitest";
import { sealSecret } from "@visit-once/prisma";
import { testAccount, testDb } from "@/testing/database";
import { checkSession } from "../sessions/check-session";
import { startSession } from "../sessions/start-session";
import { confirmEnrolment, enrolmentSecret } from "./enrolment";
import { RECOVERY_CODE_COUNT } from "./recovery-codes";
import { resetSecondFactor } from "./reset-second-factor";
import { codeAt, newTotpSecret } from "./totp";
import { verifySecondFactor } from "./verify-second-factor";

const db = testDb();
afterAll(() => db.$disconnect());

const APP_SECRET = "second-factor-test-secret";
const t0 = new Date("2026-11-30T08:00:10Z");
const after = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

async function enrolledCaseworker() {
  const secret = newTotpSecret();
  const user = await testAccount(db, "CASEWORKER");
  await db.user.update({
    where: { id: user.id },
    data: { totpSecret: sealSecret(secret, APP_SECRET), totpEnabledAt: t0 },
  });
  return { user, secret };
}

describe("TOTP second factor on PostgreSQL", () => {
  it("accepts the current code, and one step either side for clock drift, but not two", async () => {
    const { user, secret } = await enrolledCaseworker();
    expect(await verifySecondFactor(db, user.id, codeAt(secret, after(-90)), APP_SECRET, t0)).toBe("wrong");
    expect(await verifySecondFactor(db, user.id, codeAt(secret, after(-30)), APP_SECRET, t0)).toBe("ok");
    expect(await verifySecondFactor(db, user.id, codeAt(secret, after(0)), APP_SECRET, t0)).toBe("ok");
    expect(await verifySecondFactor(db, user.id, codeAt(secret, after(30)), APP_SECRET, t0)).toBe("ok");
  });

  it("refuses a code used once already, even within its window", async () => {
    const { user, secret } = await enrolledCaseworker();
    const code = codeAt(secret, t0);
    expect(await verifySecondFactor(db, user.id, code, APP_SECRET, t0)).toBe("ok");
    expect(await verifySecondFactor(db, user.id, code, APP_SECRET, after(5))).toBe("wrong");
    // An earlier step's code is refused too once a later one was used.
    expect(await verifySecondFactor(db, user.id, codeAt(secret, after(-30)), APP_SECRET, after(5))).toBe("wrong");
    expect(await verifySecondFactor(db, user.id, codeAt(secret, after(30)), APP_SECRET, after(30))).toBe("ok");
  });

  it("refuses two racing requests with the same code: exactly one wins", async () => {
    const { user, secret } = await enrolledCaseworker();
    const code = codeAt(secret, t0);
    const results = await Promise.all([1, 2, 3].map(() => verifySecondFactor(db, user.id, code, APP_SECRET, t0)));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
  });

  it("refuses wrong codes, garbage, another key, and an account that has not enrolled", async () => {
    const { user, secret } = await enrolledCaseworker();
    const wrong = String((Number(codeAt(secret, t0)) + 1) % 1_000_000).padStart(6, "0");
    for (const input of [wrong, "", "12345", "abcdef", "1234567"])
      expect(await verifySecondFactor(db, user.id, input, APP_SECRET, t0), input).toBe("wrong");
    expect(await verifySecondFactor(db, user.id, codeAt(secret, t0), "another-app-secret", t0)).toBe("wrong");
    const fresh = await testAccount(db, "OFFICER", "health");
    expect(await verifySecondFactor(db, fresh.id, codeAt(secret, t0), APP_SECRET, t0)).toBe("wrong");
  });

  it("enrols: the secret stays until confirmed with a code, then ten recovery codes each work once", async () => {
    const user = await testAccount(db, "OFFICER", "health");
    const secret = await enrolmentSecret(db, user.id, APP_SECRET);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await enrolmentSecret(db, user.id, APP_SECRET)).toBe(secret);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpSecret).not.toContain(secret!);
    expect(await confirmEnrolment(db, user.id, "000000", APP_SECRET, t0)).toBeNull();
    const codes = await confirmEnrolment(db, user.id, codeAt(secret!, t0), APP_SECRET, t0);
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    // Only hashes are stored.
    const hashes = (await db.recoveryCode.findMany({ where: { userId: user.id } })).map((r) => r.codeHash);
    expect(hashes).toHaveLength(RECOVERY_CODE_COUNT);
    for (const c of codes!) expect(hashes).not.toContain(c);
    // Enrolled: nothing to show or confirm again; the confirming code cannot be replayed at sign-in.
    expect(await enrolmentSecret(db, user.id, APP_SECRET)).toBeNull();
    expect(await verifySecondFactor(db, user.id, codeAt(secret!, t0), APP_SECRET, after(5))).toBe("wrong");
    // A recovery code works once, typed in capitals and without its dash too.
    expect(await verifySecondFactor(db, user.id, codes![0]!.toUpperCase().replace("-", ""), APP_SECRET, t0)).toBe("ok");
    expect(await verifySecondFactor(db, user.id, codes![0]!, APP_SECRET, t0)).toBe("wrong");
    expect(await verifySecondFactor(db, user.id, codes![1]!, APP_SECRET, t0)).toBe("ok");
    expect(await verifySecondFactor(db, user.id, "aaaaa-aaaaa", APP_SECRET, t0)).toBe("wrong");
  });

  it("an administrator's reset clears the second factor, ends the person's sessions and is audited; others are refused as absent", async () => {
    const { user } = await enrolledCaseworker();
    const admin = await testAccount(db, "ADMIN");
    const officer = await testAccount(db, "OFFICER", "health");
    const sid = await startSession(db, { ...user, totpEnabledAt: t0 }, "credentials", t0);
    expect(
      await resetSecondFactor({ id: officer.id, role: "OFFICER", departmentCode: "health" }, user.id, db, t0),
    ).toBe("not-found");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull();
    expect(await resetSecondFactor({ id: admin.id, role: "ADMIN", departmentCode: null }, "not-a-uuid", db, t0)).toBe(
      "not-found",
    );
    expect(await resetSecondFactor({ id: admin.id, role: "ADMIN", departmentCode: null }, user.id, db, t0)).toBe(
      "reset",
    );
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    expect(await checkSession(db, sid, user.id, { idleSeconds: 1800, maxSeconds: 43200 }, t0)).toBeNull();
    const audit = await db.auditEntry.findMany({
      where: { resource: `account:${user.id}/second-factor` },
      orderBy: { at: "asc" },
    });
    expect(audit.map((a) => [a.actorId, a.action, a.allowed])).toEqual([
      [officer.id, "reset", false],
      [admin.id, "reset", true],
    ]);
    // A citizen's account is not the administrator's to reset.
    const citizen = await testAccount(db, "CITIZEN");
    expect(await resetSecondFactor({ id: admin.id, role: "ADMIN", departmentCode: null }, citizen.id, db, t0)).toBe(
      "not-found",
    );
  });
});
