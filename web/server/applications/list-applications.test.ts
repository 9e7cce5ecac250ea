import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "../testing/database";
import { listApplications, parseTab } from "./list-applications";

const db = testDb();
afterAll(() => db.$disconnect());

async function citizen(): Promise<string> {
  const id = randomUUID();
  await db.user.create({ data: { id, email: `${id}@test.local`, name: "Test", passwordHash: "x", role: "CITIZEN" } });
  return id;
}

async function application(
  citizenId: string,
  status: "IN_DEPARTMENTS" | "COMPLETED" | "CANCELLED",
  submittedAt: Date,
): Promise<string> {
  const id = randomUUID();
  await db.application.create({
    data: {
      id,
      serviceCode: "newborn-registration",
      citizenId,
      status,
      consent: [],
      submittedAt,
      completedAt: status === "IN_DEPARTMENTS" ? null : submittedAt,
    },
  });
  return id;
}

describe("listApplications on PostgreSQL", () => {
  it("splits a citizen's applications into in progress, action needed and finished, with the current step and the due date", async () => {
    const me = await citizen();
    const t = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 0, minutes));
    const quiet = await application(me, "IN_DEPARTMENTS", t(1));
    const asked = await application(me, "IN_DEPARTMENTS", t(2));
    const done = await application(me, "COMPLETED", t(3));
    const withdrawn = await application(me, "CANCELLED", t(4));
    const stepDue = new Date("2026-11-20T00:00:00.000Z");
    const answerBy = new Date("2026-11-15T00:00:00.000Z");
    await db.applicationStep.createMany({
      data: [
        { applicationId: quiet, key: "identity", position: 1, status: "DONE" },
        {
          applicationId: quiet,
          key: "household-registration",
          position: 2,
          kind: "DEPARTMENT",
          departmentCode: "public-security",
          status: "AWAITING_DECISION",
          dueAt: stepDue,
        },
        {
          applicationId: asked,
          key: "household-registration",
          position: 2,
          kind: "DEPARTMENT",
          departmentCode: "public-security",
          status: "AWAITING_CITIZEN",
          dueAt: stepDue,
        },
      ],
    });
    await db.informationRequest.createMany({
      data: [
        {
          id: randomUUID(),
          applicationId: asked,
          question: "?",
          askedById: randomUUID(),
          status: "OPEN",
          dueAt: answerBy,
        },
        {
          id: randomUUID(),
          applicationId: quiet,
          question: "?",
          askedById: randomUUID(),
          status: "ANSWERED",
          dueAt: answerBy,
        },
      ],
    });
    // Someone else's application is in no tab of mine.
    await application(await citizen(), "IN_DEPARTMENTS", t(5));

    const inProgress = await listApplications(me, 1, "in-progress", 10, db);
    expect(inProgress.counts).toEqual({ "in-progress": 1, "action-needed": 1, finished: 2 });
    expect(inProgress.items).toEqual([
      expect.objectContaining({ id: quiet, currentStepKey: "household-registration", dueAt: stepDue.toISOString() }),
    ]);

    const actionNeeded = await listApplications(me, 1, "action-needed", 10, db);
    expect(actionNeeded.items).toEqual([
      expect.objectContaining({ id: asked, currentStepKey: "household-registration", dueAt: answerBy.toISOString() }),
    ]);

    const finished = await listApplications(me, 1, "finished", 10, db);
    expect(finished.items.map((i) => i.id)).toEqual([withdrawn, done]);
    expect(finished.items.every((i) => i.currentStepKey === null && i.dueAt === null)).toBe(true);
    expect(finished.total).toBe(2);
  });

  it("pages within a tab and shows the last page for one past the end", async () => {
    const me = await citizen();
    for (let i = 0; i < 3; i++) await application(me, "COMPLETED", new Date(Date.UTC(2026, 10, 1, 0, i)));
    const page = await listApplications(me, 9, "finished", 2, db);
    expect(page).toMatchObject({ page: 2, pageCount: 2, total: 3 });
    expect(page.items).toHaveLength(1);
  });

  it("reads an unknown tab as in progress", () => {
    expect(parseTab("finished")).toBe("finished");
    expect(parseTab("nonsense")).toBe("in-progress");
    expect(parseTab(undefined)).toBe("in-progress");
  });
});
