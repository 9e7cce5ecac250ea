import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolConfig } from "../database-url";
import { migrateDeploy } from "../migrate";
import { seedWorkingCalendar } from "./seed-working-calendar";

// On the migrated PostgreSQL of DATABASE_URL (migrateDeploy seeds once already).
const url = process.env.DATABASE_URL!;
const client = new pg.Client(poolConfig(url));
const day = (d: string) =>
  client
    .query(`SELECT "kind", "nameZh", "source" FROM "WorkingCalendarDay" WHERE "day" = $1`, [d])
    .then((r) => r.rows[0]);

beforeAll(async () => {
  await migrateDeploy(url);
  await client.connect();
}, 120_000);
afterAll(async () => {
  await client.query(`DELETE FROM "WorkingCalendarDay" WHERE "day" = '2026-10-05'`);
  await seedWorkingCalendar(url);
  await client.end();
});

describe("seedWorkingCalendar", () => {
  it("holds the State Council's 2026 National Day holiday and its 调休 Saturday", async () => {
    expect(await day("2026-10-01")).toEqual({ kind: "HOLIDAY", nameZh: "国庆节", source: "PACKAGE" });
    expect(await day("2026-10-07")).toEqual({ kind: "HOLIDAY", nameZh: "国庆节", source: "PACKAGE" });
    expect(await day("2026-10-10")).toEqual({ kind: "WORKDAY", nameZh: "国庆节", source: "PACKAGE" });
    expect(await day("2026-10-09")).toBeUndefined();
  });

  it("changes nothing when run again", async () => {
    expect(await seedWorkingCalendar(url)).toBe(0);
  });

  it("leaves a day an admin set as the admin set it", async () => {
    await client.query(
      `UPDATE "WorkingCalendarDay" SET "kind" = 'WORKDAY', "source" = 'ADMIN' WHERE "day" = '2026-10-05'`,
    );
    await seedWorkingCalendar(url);
    expect(await day("2026-10-05")).toEqual({ kind: "WORKDAY", nameZh: "国庆节", source: "ADMIN" });
  });
});
