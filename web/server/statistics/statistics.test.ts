import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testAccount, testDb } from "@/testing/database";
import { applicationsByMonth } from "./applications-by-month";
import { cleanCases } from "./clean-cases";
import { cycleTimes } from "./cycle-times";
import { dataFlows } from "./data-flows";
import { daysSaved } from "./days-saved";
import { getStatistics } from "./get-statistics";
import type { StatisticsScope } from "./statistics-scope";

// The aggregate queries on real PostgreSQL, over rows seeded in a March of their own far ahead
// (2070–2089, a year no other test writes and the working calendar does not cover: Monday to
// Friday are working days), so the numbers are exactly the seeded ones.
const db = testDb();
const year = 2070 + Math.floor(Math.random() * 20);
/** The first Monday of March, 10:00 China time (02:00 UTC). */
const monday = (() => {
  const d = new Date(Date.UTC(year, 2, 1, 2));
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.getTime();
})();
const DAY = 86_400_000;
const HOUR = 3_600_000;
const at = (ms: number) => new Date(ms);
const scope = (office: string | null = null): StatisticsScope => ({
  office,
  from: new Date(Date.UTC(year, 2, 1)),
  to: new Date(Date.UTC(year, 3, 1)),
});
const month = `${year}-03`;
const ids: string[] = [];
let citizenId = "";

/** A newborn registration: submitted Monday, its household step (public security) decided in `stepHours`, completed `days` days later. */
async function newborn(
  i: number,
  {
    stepHours,
    days,
    request = false,
    missing = false,
    certificate = false,
  }: { stepHours: number; days: number; request?: boolean; missing?: boolean; certificate?: boolean },
) {
  const id = randomUUID();
  ids.push(id);
  const submitted = monday + i * 60_000;
  await db.application.create({
    data: {
      id,
      serviceCode: "newborn-registration",
      citizenId,
      status: "COMPLETED",
      consent: {},
      submittedAt: at(submitted),
      completedAt: at(submitted + days * DAY),
      steps: {
        create: [
          {
            key: "household-registration",
            position: 10,
            kind: "DEPARTMENT",
            departmentCode: "public-security",
            status: "DONE",
            startedAt: at(submitted + HOUR),
            completedAt: at(submitted + HOUR + stepHours * HOUR),
          },
          {
            key: "medical-insurance-enrolment",
            position: 11,
            kind: "DEPARTMENT",
            departmentCode: "medical-security",
            status: "DONE",
            startedAt: at(submitted + HOUR),
            completedAt: at(submitted + 3 * HOUR),
          },
        ],
      },
      records: {
        create: [
          {
            recordType: "identity",
            departmentCode: "public-security",
            sourceRecordId: "x",
            retrievedAt: at(submitted + 60_000),
            rawSha256: "x",
            data: {},
            certificateCode: certificate ? `C${id.slice(0, 8)}` : null,
          },
          {
            recordType: "birth-certificate",
            departmentCode: "health",
            sourceRecordId: "x",
            retrievedAt: at(submitted + 60_000),
            rawSha256: "x",
            data: {},
          },
        ],
      },
      ...(request
        ? {
            requests: {
              create: [
                { id: randomUUID(), question: "?", askedById: "x", status: "ANSWERED", dueAt: at(submitted + DAY) },
              ],
            },
          }
        : {}),
      ...(missing
        ? {
            exceptions: {
              create: [
                {
                  id: randomUUID(),
                  kind: "MISSING_RECORD",
                  status: "RESOLVED",
                  summary: "x",
                  blocking: true,
                  dueAt: at(submitted + DAY),
                },
              ],
            },
          }
        : {}),
    },
  });
}

beforeAll(async () => {
  citizenId = (await testAccount(db, "CITIZEN")).id;
  // Six newborn registrations: household steps of 2, 4, 6, 8, 10, 12 hours; completed 2 days later
  // (Wednesday: 2 working days), the last two 7 days later (next Monday: 5 working days).
  for (let i = 0; i < 6; i++)
    await newborn(i, {
      stepHours: 2 * (i + 1),
      days: i < 4 ? 2 : 7,
      request: i === 0,
      missing: i === 1,
      certificate: i === 2,
    });
  // Two retirements, one still running: too few for the public page.
  for (const status of ["COMPLETED", "IN_DEPARTMENTS"] as const) {
    const id = randomUUID();
    ids.push(id);
    await db.application.create({
      data: {
        id,
        serviceCode: "retirement",
        citizenId,
        status,
        consent: {},
        submittedAt: at(monday),
        completedAt: status === "COMPLETED" ? at(monday + DAY) : null,
        steps: {
          create: [
            {
              key: "pension-approval",
              position: 10,
              kind: "DEPARTMENT",
              departmentCode: "human-resources",
              status: status === "COMPLETED" ? "DONE" : "AWAITING_DECISION",
              startedAt: at(monday + HOUR),
              completedAt: status === "COMPLETED" ? at(monday + 5 * HOUR) : null,
            },
          ],
        },
      },
    });
  }
});

afterAll(async () => {
  await db.application.deleteMany({ where: { id: { in: ids } } });
  await db.user.delete({ where: { id: citizenId } });
  await db.$disconnect();
});

describe("the reform's statistics on PostgreSQL", () => {
  it("counts applications by service and month, and an office's own by its steps", async () => {
    expect(await applicationsByMonth(db, scope())).toEqual([
      { serviceCode: "newborn-registration", month, applications: 6 },
      { serviceCode: "retirement", month, applications: 2 },
    ]);
    expect(await applicationsByMonth(db, scope("human-resources"))).toEqual([
      { serviceCode: "retirement", month, applications: 2 },
    ]);
    expect(await applicationsByMonth(db, scope("taxation"))).toEqual([]);
  });

  it("measures end-to-end and per-step cycle times: count, median and 90th percentile", async () => {
    const times = await cycleTimes(db, scope());
    const newborn = times.filter((t) => t.serviceCode === "newborn-registration");
    // End to end: four of 2 days, two of 7 days.
    expect(newborn[0]).toEqual({
      serviceCode: "newborn-registration",
      stepKey: null,
      office: null,
      count: 6,
      medianSeconds: 2 * 86_400,
      p90Seconds: 7 * 86_400,
    });
    // The household step: 2…12 hours, median 7 h, 90th percentile 11 h (interpolated).
    expect(newborn.find((t) => t.stepKey === "household-registration")).toEqual({
      serviceCode: "newborn-registration",
      stepKey: "household-registration",
      office: "public-security",
      count: 6,
      medianSeconds: 7 * 3600,
      p90Seconds: 11 * 3600,
    });
    expect(newborn.find((t) => t.stepKey === "medical-insurance-enrolment")).toMatchObject({
      count: 6,
      medianSeconds: 2 * 3600,
    });
    // The running retirement counts in neither.
    expect(times.filter((t) => t.serviceCode === "retirement")).toEqual([
      { serviceCode: "retirement", stepKey: null, office: null, count: 1, medianSeconds: 86_400, p90Seconds: 86_400 },
      {
        serviceCode: "retirement",
        stepKey: "pension-approval",
        office: "human-resources",
        count: 1,
        medianSeconds: 4 * 3600,
        p90Seconds: 4 * 3600,
      },
    ]);
    // An office sees its own steps only (and the whole cases they were part of).
    expect((await cycleTimes(db, scope("medical-security"))).map((t) => t.stepKey)).toEqual([
      null,
      "medical-insurance-enrolment",
    ]);
  });

  it("counts the cases finished with no extra upload and no visit", async () => {
    expect(await cleanCases(db, scope())).toEqual([
      { serviceCode: "newborn-registration", completed: 6, clean: 4 },
      { serviceCode: "retirement", completed: 1, clean: 1 },
    ]);
  });

  it("counts working days saved against the paper process, on the working calendar", async () => {
    // Newborn on paper: 25 working days. Four took 2 working days, two took 5: saved 4 × 23 + 2 × 20.
    const saved = await daysSaved(db, scope());
    expect(saved[0]).toEqual({
      serviceCode: "newborn-registration",
      completed: 6,
      paperWorkingDays: 25,
      paperVisits: 8,
      averageWorkingDays: 3,
      savedWorkingDays: 4 * 23 + 2 * 20,
    });
    // Retirement on paper: 33; the one completed took 1 working day.
    expect(saved[1]).toMatchObject({
      serviceCode: "retirement",
      completed: 1,
      averageWorkingDays: 1,
      savedWorkingDays: 32,
    });
  });

  it("counts which department's records served which service, and how many came from e-certificates", async () => {
    expect(await dataFlows(db, scope())).toEqual([
      { department: "health", serviceCode: "newborn-registration", records: 6, cases: 6, fromCertificates: 0 },
      { department: "public-security", serviceCode: "newborn-registration", records: 6, cases: 6, fromCertificates: 1 },
    ]);
    expect((await dataFlows(db, scope("health"))).map((f) => f.department)).toEqual(["health"]);
  });

  it("shows the public only cells of five cases or more; staff see every cell", async () => {
    const pub = await getStatistics(scope(), "public", db);
    expect(pub.applications).toEqual([
      { serviceCode: "newborn-registration", month, applications: 6, suppressed: false },
      { serviceCode: "retirement", month, applications: 0, suppressed: true },
    ]);
    expect(
      pub.cycleTimes
        .filter((t) => t.serviceCode === "retirement")
        .every((t) => t.suppressed && t.medianSeconds === 0 && t.count === 0),
    ).toBe(true);
    expect(pub.daysSaved.find((d) => d.serviceCode === "retirement")).toMatchObject({
      suppressed: true,
      savedWorkingDays: 0,
      completed: 0,
    });
    const staff = await getStatistics(scope(), "staff", db);
    expect(staff.applications.find((a) => a.serviceCode === "retirement")).toEqual({
      serviceCode: "retirement",
      month,
      applications: 2,
      suppressed: false,
    });
  });
});
