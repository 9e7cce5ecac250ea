// The one status vocabulary and its one writer, on real PostgreSQL.
import { randomUUID } from "node:crypto";
import { ApplicationStatus, DEMO_CITIZENS, type Db, Role } from "@visit-once/prisma";
import {
  actorsOf,
  CASE_ACTION_NAMES,
  CASE_STATUSES,
  type CaseStatus,
  FINAL_STATUSES,
} from "@visit-once/workflows/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../testing/database";
import { transition, transitionSql } from "./case-status";

let db: Db;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db?.$disconnect();
});

async function application(status: CaseStatus): Promise<string> {
  const citizen = await db.user.findUniqueOrThrow({ where: { email: DEMO_CITIZENS[0].email } });
  const id = randomUUID();
  await db.application.create({
    data: { id, serviceCode: "newborn-registration", citizenId: citizen.id, consent: ["identity"], status },
  });
  return id;
}

const statusOf = async (id: string) =>
  (await db.application.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe("the case status vocabulary", () => {
  it("is the Prisma enum's, value for value and in order", () => {
    expect(Object.values(ApplicationStatus)).toEqual([...CASE_STATUSES]);
  });

  it("names only roles the database knows in the case-action table", () => {
    for (const n of CASE_ACTION_NAMES) for (const role of actorsOf(n)) expect(Object.values(Role)).toContain(role);
  });
});

describe("transition()", () => {
  it("moves an open case to any status, and never moves a closed one", async () => {
    const open = await application("RECORDS_READY");
    expect((await transition(db, open, "AWAITING_CASEWORKER")).count).toBe(1);
    expect(await statusOf(open)).toBe("AWAITING_CASEWORKER");
    for (const final of FINAL_STATUSES) {
      const closed = await application(final);
      expect((await transition(db, closed, "IN_DEPARTMENTS")).count).toBe(0);
      expect(await statusOf(closed)).toBe(final);
    }
  });

  it("moves only from the statuses named, with what changes beside the status", async () => {
    const id = await application("IN_DEPARTMENTS");
    expect((await transition(db, id, "RECORDS_READY", { from: ["SUBMITTED", "FETCHING"] })).count).toBe(0);
    expect(await statusOf(id)).toBe("IN_DEPARTMENTS");
    const completedAt = new Date("2026-12-01T08:00:00Z");
    expect((await transition(db, id, "COMPLETED", { data: { completedAt } })).count).toBe(1);
    expect(
      await db.application.findUniqueOrThrow({ where: { id }, select: { status: true, completedAt: true } }),
    ).toEqual({ status: "COMPLETED", completedAt });
  });

  it("keeps a further guard on the row", async () => {
    const id = await application("FETCHING");
    await db.application.update({ where: { id }, data: { recordsReadyAt: new Date() } });
    expect(
      (await transition(db, id, "RECORDS_READY", { from: ["FETCHING"], where: { recordsReadyAt: null } })).count,
    ).toBe(0);
    expect(await statusOf(id)).toBe("FETCHING");
  });

  it("as one SQL statement, moves only from the statuses named", async () => {
    const submitted = await application("SUBMITTED");
    const cancelled = await application("CANCELLED");
    expect(await db.$executeRaw`${transitionSql(submitted, "FETCHING", ["SUBMITTED"])}`).toBe(1);
    expect(await db.$executeRaw`${transitionSql(cancelled, "FETCHING", ["SUBMITTED"])}`).toBe(0);
    expect([await statusOf(submitted), await statusOf(cancelled)]).toEqual(["FETCHING", "CANCELLED"]);
  });
});
