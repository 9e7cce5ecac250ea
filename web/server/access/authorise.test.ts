import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "../testing/database";
import { authorise, countAnonymousRefusal } from "./authorise";

const db = testDb();
afterAll(() => db.$disconnect());

describe("authorise on PostgreSQL", () => {
  it("counts anonymous refusals per hour instead of writing a row each", async () => {
    const label = `case:${randomUUID()}`;
    const resource = { kind: "case", citizenId: randomUUID(), hasExceptions: false } as const;
    // An hour far from now, so other tests' refusals never share the counter.
    const hour = new Date(Date.UTC(2001, 0, 1, 10, 0, 0));
    await db.anonymousRefusalCount.deleteMany({
      where: { action: "dispute", resourceKind: "case", hour: { gte: hour, lt: new Date(Date.UTC(2001, 0, 1, 12)) } },
    });
    await countAnonymousRefusal(db, "dispute", "case", new Date(Date.UTC(2001, 0, 1, 10, 5)));
    await Promise.all(
      Array.from({ length: 20 }, () =>
        countAnonymousRefusal(db, "dispute", "case", new Date(Date.UTC(2001, 0, 1, 10, 59))),
      ),
    );
    await countAnonymousRefusal(db, "dispute", "case", new Date(Date.UTC(2001, 0, 1, 11, 0)));
    const rows = await db.anonymousRefusalCount.findMany({
      where: { action: "dispute", resourceKind: "case", hour: { gte: hour, lt: new Date(Date.UTC(2001, 0, 1, 12)) } },
      orderBy: { hour: "asc" },
    });
    expect(rows.map((r) => [r.hour.toISOString(), r.count])).toEqual([
      ["2001-01-01T10:00:00.000Z", 21],
      ["2001-01-01T11:00:00.000Z", 1],
    ]);

    const decision = await authorise(null, "cancel", resource, label, db);
    expect(decision.allowed).toBe(false);
    expect(await db.auditEntry.count({ where: { resource: label } })).toBe(0);
  });

  it("still writes one audit row for each signed-in refusal", async () => {
    const label = `case:${randomUUID()}`;
    const stranger = { id: randomUUID(), role: "CITIZEN" as const, departmentCode: null };
    const resource = { kind: "case", citizenId: randomUUID(), hasExceptions: false } as const;
    await authorise(stranger, "cancel", resource, label, db);
    await authorise(stranger, "cancel", resource, label, db);
    const rows = await db.auditEntry.findMany({ where: { resource: label } });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ actorId: stranger.id, allowed: false, action: "cancel" });
  });

  it("records an allowed decision once however often the same request is repeated, and each refused repeat", async () => {
    const label = `case:${randomUUID()}/step:pension-approval`;
    const officer = { id: randomUUID(), role: "OFFICER" as const, departmentCode: "human-resources" };
    const task = { kind: "task", office: "human-resources", offered: true } as const;
    const requestId = randomUUID();
    expect((await authorise(officer, "decide", task, label, db, { requestId })).allowed).toBe(true);
    // 99 repeats of the same request (a double click, a retry): still one allowed decision.
    for (let i = 0; i < 99; i++)
      expect((await authorise(officer, "decide", task, label, db, { requestId, repeat: true })).allowed).toBe(true);
    expect(
      await db.auditEntry.findMany({
        where: { resource: label },
        select: { actorId: true, action: true, allowed: true, requestId: true },
      }),
    ).toEqual([{ actorId: officer.id, action: "decide", allowed: true, requestId }]);
    const other = { ...officer, id: randomUUID(), departmentCode: "health" };
    await authorise(other, "decide", task, label, db, { requestId, repeat: true });
    expect(await db.auditEntry.count({ where: { resource: label, allowed: false } })).toBe(1);
  });
});
