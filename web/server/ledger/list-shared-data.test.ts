import { randomUUID } from "node:crypto";
import { type AccessEventInput, appendAccessEvents } from "@visit-once/prisma/ledger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../testing/database";
import {
  countSharedData,
  listSharedData,
  monthRange,
  parseSharedDataFilters,
  SHARED_DATA_PAGE_SIZE,
} from "./list-shared-data";

const db = testDb();
afterAll(() => db.$disconnect());

/** This month in China time, "YYYY-MM". */
const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

describe("parseSharedDataFilters and monthRange", () => {
  it("takes a known service, a month and a page position; names the first wrong one", () => {
    expect(parseSharedDataFilters({ service: "retirement", month: "2026-11", before: "9" })).toEqual({
      ok: true,
      filters: { service: "retirement", month: "2026-11", before: 9n },
    });
    expect(parseSharedDataFilters({ service: "", month: "" })).toEqual({ ok: true, filters: {} });
    expect(parseSharedDataFilters({ service: "x" })).toEqual({ ok: false, invalid: "service" });
    expect(parseSharedDataFilters({ month: "2026-13" })).toEqual({ ok: false, invalid: "month" });
    expect(parseSharedDataFilters({ month: "November" })).toEqual({ ok: false, invalid: "month" });
    expect(parseSharedDataFilters({ before: "1e3" })).toEqual({ ok: false, invalid: "before" });
  });

  it("a month is China's: it starts at 16:00 UTC the day before", () => {
    expect(monthRange("2026-12")).toEqual({
      from: new Date("2026-11-30T16:00:00Z"),
      to: new Date("2026-12-31T16:00:00Z"),
    });
    expect(monthRange("2026-01").from).toEqual(new Date("2025-12-31T16:00:00Z"));
  });
});

describe("listSharedData and countSharedData on PostgreSQL", () => {
  // Offices of their own, so other tests' entries on the same database do not count here.
  const health = `health-${randomUUID()}`;
  const taxation = `taxation-${randomUUID()}`;
  const newbornCase = randomUUID();
  const fetch = (
    department: string,
    serviceCode: string,
    applicationId: string,
    recordType: string,
  ): AccessEventInput => ({
    actor: { id: null, role: "SYSTEM", office: null },
    subjectId: randomUUID(),
    action: "department-fetch",
    department,
    recordTypes: [recordType],
    fields: ["certificateNo", "childName"],
    serviceCode,
    applicationId,
    outcome: "delivered",
  });

  beforeAll(async () => {
    await appendAccessEvents(db, [
      fetch(health, "newborn-registration", newbornCase, "birth-certificate"),
      fetch(health, "school-enrolment", randomUUID(), "vaccination"),
      fetch(health, "newborn-registration", randomUUID(), "birth-certificate"),
      fetch(taxation, "property-transfer", randomUUID(), "tax-clearance"),
      // A staff member of the office viewing a case is not the office's data going out.
      {
        actor: { id: randomUUID(), role: "OFFICER", office: health },
        subjectId: randomUUID(),
        action: "staff-view",
        department: health,
        applicationId: newbornCase,
        outcome: "allowed",
      },
    ]);
  });

  it("an office sees only its own records going out, newest first, without whose they were", async () => {
    const page = await listSharedData(health, {}, db);
    expect(page.entries.map((e) => e.recordTypes[0])).toEqual([
      "birth-certificate",
      "vaccination",
      "birth-certificate",
    ]);
    expect(page.entries[2]).toMatchObject({
      serviceCode: "newborn-registration",
      applicationId: newbornCase,
      fields: ["certificateNo", "childName"],
    });
    for (const e of page.entries)
      expect(Object.keys(e).sort()).toEqual(["applicationId", "at", "fields", "recordTypes", "seq", "serviceCode"]);
    expect((await listSharedData(taxation, {}, db)).entries.map((e) => e.recordTypes)).toEqual([["tax-clearance"]]);
    expect((await listSharedData(`nobody-${randomUUID()}`, {}, db)).entries).toEqual([]);
  });

  it("filters by service and by month", async () => {
    expect((await listSharedData(health, { service: "school-enrolment" }, db)).entries).toHaveLength(1);
    expect((await listSharedData(health, { month: thisMonth() }, db)).entries).toHaveLength(3);
    expect((await listSharedData(health, { month: "2019-01" }, db)).entries).toEqual([]);
  });

  it("counts by month and purpose, for the same filters", async () => {
    const month = thisMonth();
    expect(await countSharedData(health, {}, db)).toEqual([
      { month, serviceCode: "newborn-registration", count: 2 },
      { month, serviceCode: "school-enrolment", count: 1 },
    ]);
    expect(await countSharedData(health, { service: "newborn-registration" }, db)).toEqual([
      { month, serviceCode: "newborn-registration", count: 2 },
    ]);
    expect(await countSharedData(health, { month: "2019-01" }, db)).toEqual([]);
    expect(await countSharedData(taxation, { month }, db)).toEqual([
      { month, serviceCode: "property-transfer", count: 1 },
    ]);
  });

  it("pages through many, a page at a time", async () => {
    const office = `busy-${randomUUID()}`;
    await appendAccessEvents(
      db,
      Array.from({ length: SHARED_DATA_PAGE_SIZE + 2 }, () =>
        fetch(office, "retirement", randomUUID(), "social-insurance"),
      ),
    );
    const first = await listSharedData(office, {}, db);
    expect(first.entries).toHaveLength(SHARED_DATA_PAGE_SIZE);
    expect(first.olderThan).toBe(first.entries[SHARED_DATA_PAGE_SIZE - 1]!.seq);
    const rest = await listSharedData(office, { before: first.olderThan! }, db);
    expect(rest).toMatchObject({ olderThan: null });
    expect(rest.entries).toHaveLength(2);
  });
});
