import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../testing/database";
import { donePageSql, listTasks } from "./list-tasks";
import { PAGE_SIZE } from "./pagination";
import { TASK_TABS, taskWhere } from "./task-tabs";

// The offices' task queues on real PostgreSQL: the done tab, read in SQL that the partial index
// "ApplicationStep_office_done_idx" answers, gives the same rows in the same order as the tab's
// Prisma filter, page after page, and the same counts; its plan is that index's scan, with no sort.
const db = testDb();
const office = `office-${randomUUID().slice(0, 8)}`;
const now = new Date("2026-12-02T08:00:00Z");
const STATUSES = [
  "DONE",
  "REJECTED",
  "REVOKED",
  "CANCELLED",
  "AWAITING_DECISION",
  "AWAITING_CITIZEN",
  "PENDING",
] as const;

beforeAll(async () => {
  const citizen = await db.user.create({
    data: { email: `${randomUUID()}@test.local`, name: "测试", passwordHash: "x", role: "CITIZEN" },
  });
  for (let a = 0; a < 3; a++) {
    const applicationId = randomUUID();
    await db.application.create({
      data: {
        id: applicationId,
        serviceCode: "retirement",
        citizenId: citizen.id,
        consent: { consentedAt: now.toISOString(), records: [] },
      },
    });
    await db.applicationStep.createMany({
      data: Array.from({ length: 40 }, (_, i) => ({
        applicationId,
        key: `step-${String(i).padStart(2, "0")}`,
        position: i,
        kind: i % 11 === 0 ? ("FETCH" as const) : ("DEPARTMENT" as const),
        departmentCode: office,
        status: STATUSES[(i + a) % STATUSES.length]!,
        // Some due the same day (the order then falls to the case and the key), some never due.
        dueAt: i % 9 === 0 ? null : new Date(now.getTime() + ((i * 7) % 5) * 86_400_000),
        // A step cancelled before it reached the office never started: not the office's.
        startedAt: i % 13 === 0 ? null : now,
      })),
    });
  }
});
afterAll(async () => {
  await db.$disconnect();
});

describe("listTasks", () => {
  it("reads the done tab page by page as the tab's filter orders it, and counts every tab as before", async () => {
    const expected = await db.applicationStep.findMany({
      where: taskWhere(office, "done", now),
      orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { applicationId: "asc" }, { key: "asc" }],
      select: { applicationId: true, key: true, status: true, dueAt: true },
    });
    expect(expected.length).toBeGreaterThan(2 * PAGE_SIZE);
    const pages = Math.ceil(expected.length / PAGE_SIZE);
    const read = [];
    for (let page = 1; page <= pages + 1; page++) {
      const { items, counts, total } = await listTasks(office, "done", page, now, db);
      read.push(...items);
      expect(total).toBe(expected.length);
      for (const tab of TASK_TABS)
        expect(counts[tab]).toBe(await db.applicationStep.count({ where: taskWhere(office, tab, now) }));
      if (page <= pages) expect(items[0]?.application.serviceCode).toBe("retirement");
      else expect(items).toEqual([]);
    }
    expect(read.map(({ applicationId, key, status, dueAt }) => ({ applicationId, key, status, dueAt }))).toEqual(
      expected,
    );
  });

  it("reads the done tab through its partial index, in order, without sorting", async () => {
    const [, plan] = await db.$transaction([
      db.$executeRawUnsafe("SET LOCAL enable_seqscan = off"),
      db.$queryRaw<{ "QUERY PLAN": unknown }[]>`EXPLAIN (FORMAT JSON) ${donePageSql(office, PAGE_SIZE)}`,
    ]);
    const text = JSON.stringify(plan);
    expect(text).toContain('"Index Name":"ApplicationStep_office_done_idx"');
    expect(text).not.toContain('"Node Type":"Sort"');
  });
});
