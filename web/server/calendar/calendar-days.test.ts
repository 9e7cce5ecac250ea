import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/access/policy";
import { testAccount, testDb } from "@/testing/database";
import { listCalendarYear, removeCalendarDay, saveCalendarDay } from "./calendar-days";

const db = testDb();
// A year of its own per run (2090..2099), which the package does not know.
const year = 2090 + Math.floor(Math.random() * 10);
const day = (md: string) => `${year}-${md}`;
afterAll(async () => {
  await db.workingCalendarDay.deleteMany({ where: { day: { startsWith: `${year}-` }, source: "ADMIN" } });
  await db.$disconnect();
});

const asActor = (u: { id: string; role: Actor["role"]; departmentCode: string | null }): Actor => ({
  id: u.id,
  role: u.role,
  departmentCode: u.departmentCode,
});

describe("the working calendar on PostgreSQL", () => {
  it("holds the package's 2026: National Day and its 调休 Saturday, read only", async () => {
    const y = await listCalendarYear(2026, db);
    expect(y.fromPackage).toBe(true);
    expect(y.days.find((d) => d.day === "2026-10-01")).toEqual({
      day: "2026-10-01",
      kind: "HOLIDAY",
      nameEn: "National Day",
      nameZh: "国庆节",
      source: "PACKAGE",
    });
    expect(y.days.find((d) => d.day === "2026-10-10")).toMatchObject({ kind: "WORKDAY", source: "PACKAGE" });
  });

  it("an administrator adds, changes and removes a day of a year the package does not know; each is audited", async () => {
    const admin = asActor(await testAccount(db, "ADMIN"));
    const requestId = randomUUID();
    expect(
      await saveCalendarDay(
        admin,
        { day: day("10-01"), kind: "HOLIDAY", nameEn: "National Day", nameZh: "国庆节" },
        requestId,
        db,
      ),
    ).toEqual({ ok: true, outcome: "done" });
    expect(
      await saveCalendarDay(
        admin,
        { day: day("10-01"), kind: "HOLIDAY", nameEn: "National Day", nameZh: "国庆节" },
        randomUUID(),
        db,
      ),
    ).toEqual({ ok: true, outcome: "unchanged" });
    expect(
      await saveCalendarDay(
        admin,
        { day: day("10-01"), kind: "WORKDAY", nameEn: "Make-up day", nameZh: "调休" },
        randomUUID(),
        db,
      ),
    ).toEqual({ ok: true, outcome: "done" });
    expect((await listCalendarYear(year, db)).days).toEqual([
      { day: day("10-01"), kind: "WORKDAY", nameEn: "Make-up day", nameZh: "调休", source: "ADMIN" },
    ]);
    const removal = randomUUID();
    expect(await removeCalendarDay(admin, day("10-01"), removal, db)).toEqual({ ok: true });
    expect(await removeCalendarDay(admin, day("10-01"), randomUUID(), db)).toEqual({ ok: false, error: "not-found" });
    expect((await listCalendarYear(year, db)).days).toEqual([]);
    expect(
      await db.auditEntry.findMany({ where: { requestId: { in: [requestId, removal] } }, orderBy: { id: "asc" } }),
    ).toMatchObject([
      { actorId: admin.id, action: "change", resource: `calendar-day:${day("10-01")}`, allowed: true, outcome: "done" },
      { actorId: admin.id, action: "delete", resource: `calendar-day:${day("10-01")}`, allowed: true, outcome: "done" },
    ]);
  });

  it("refuses a day of a year the package knows, bad input, and anyone but an administrator, changing nothing", async () => {
    const admin = asActor(await testAccount(db, "ADMIN"));
    expect(
      await saveCalendarDay(
        admin,
        { day: "2026-10-09", kind: "HOLIDAY", nameEn: "Extra", nameZh: "加假" },
        randomUUID(),
        db,
      ),
    ).toEqual({ ok: false, errors: { day: "package-year" } });
    expect(await removeCalendarDay(admin, "2026-10-01", randomUUID(), db)).toEqual({
      ok: false,
      error: "package-year",
    });
    expect(
      await saveCalendarDay(
        admin,
        { day: `${year}-02-30`, kind: "SOMETIMES", nameEn: "", nameZh: "\u0000" },
        randomUUID(),
        db,
      ),
    ).toEqual({
      ok: false,
      errors: { day: "day-invalid", kind: "kind-invalid", nameEn: "name-invalid", nameZh: "name-invalid" },
    });
    for (const role of ["CASEWORKER", "OFFICER", "CITIZEN"] as const) {
      const other = asActor(await testAccount(db, role, role === "OFFICER" ? "health" : null));
      const requestId = randomUUID();
      expect(
        await saveCalendarDay(
          other,
          { day: day("05-01"), kind: "HOLIDAY", nameEn: "Labour Day", nameZh: "劳动节" },
          requestId,
          db,
        ),
      ).toEqual({ ok: false, errors: { form: "not-found" } });
      expect(await db.auditEntry.findFirst({ where: { requestId } })).toMatchObject({
        actorId: other.id,
        allowed: false,
      });
    }
    expect(
      await db.workingCalendarDay.count({ where: { day: { in: ["2026-10-09", day("05-01"), `${year}-02-30`] } } }),
    ).toBe(0);
    expect((await db.workingCalendarDay.findUniqueOrThrow({ where: { day: "2026-10-01" } })).source).toBe("PACKAGE");
  });
});
