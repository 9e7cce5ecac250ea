import { timingSafeEqual } from "node:crypto";
import type { Db } from "@visit-once/prisma";
import { readWorkingCalendar } from "@visit-once/prisma/working-calendar";
import { addWorkingDays, cstDay } from "@visit-once/workflows/working-days";
import { collectDefaultMetrics, Gauge, Registry } from "prom-client";
import { db as defaultDb } from "../db";

/** A department step "at risk" is due within this many working days and not yet decided. */
export const AT_RISK_WORKING_DAYS = 1;

interface StatusRow {
  status: string;
  n: bigint;
}
interface UndeliveredRow {
  channel: string;
  state: string;
  n: bigint;
}
interface DeadlineRow {
  office: string;
  overdue: bigint;
  due_soon: bigint;
}

/**
 * The web's Prometheus registry: the Node process's own figures (`vo_web_` prefix) and, read from
 * the database at each scrape (grouped counts), the cases by status,
 * the department steps awaiting a decision that are overdue or due within a working day, and the
 * notifications not delivered (pending, or failed after their retries). The
 * department request figures come from each department worker's own endpoint (the SDK's meter).
 */
export function createRegistry(db: () => Db = defaultDb, now: () => number = Date.now): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "vo_web_" });
  new Gauge({
    name: "vo_cases",
    help: "Cases (applications) by status",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const rows = await db().$queryRaw<
        StatusRow[]
      >`SELECT status::text AS status, count(*) AS n FROM "Application" GROUP BY status`;
      this.reset();
      for (const r of rows) this.set({ status: r.status }, Number(r.n));
    },
  });
  new Gauge({
    name: "vo_department_steps_at_risk",
    help: `Department steps awaiting a decision: overdue, or due within ${AT_RISK_WORKING_DAYS} working day(s)`,
    labelNames: ["office", "state"],
    registers: [registry],
    async collect() {
      const t = now();
      // The holidays of the next weeks: "due within a working day" on the calendar the deadlines use.
      const calendar = await readWorkingCalendar(db(), { from: cstDay(t), to: cstDay(t + 30 * 86_400_000) });
      const soon = new Date(addWorkingDays(t, AT_RISK_WORKING_DAYS, calendar));
      const rows = await db().$queryRaw<DeadlineRow[]>`
        SELECT "departmentCode" AS office,
          count(*) FILTER (WHERE "dueAt" < ${new Date(t)}) AS overdue,
          count(*) FILTER (WHERE "dueAt" >= ${new Date(t)} AND "dueAt" < ${soon}) AS due_soon
        FROM "ApplicationStep"
        WHERE kind = 'DEPARTMENT' AND status = 'AWAITING_DECISION' AND "departmentCode" IS NOT NULL AND "dueAt" < ${soon}
        GROUP BY "departmentCode"`;
      this.reset();
      for (const r of rows) {
        this.set({ office: r.office, state: "overdue" }, Number(r.overdue));
        this.set({ office: r.office, state: "due_soon" }, Number(r.due_soon));
      }
    },
  });
  new Gauge({
    name: "vo_notifications_undelivered",
    help: "Notifications not delivered: pending (being sent or retried) or failed after their retries, by channel",
    labelNames: ["channel", "state"],
    registers: [registry],
    async collect() {
      const rows = await db().$queryRaw<
        UndeliveredRow[]
      >`SELECT channel::text AS channel, state::text AS state, count(*) AS n FROM "Notification" WHERE state <> 'SENT' GROUP BY channel, state`;
      this.reset();
      for (const channel of ["IN_APP", "EMAIL", "SMS"])
        for (const state of ["PENDING", "FAILED"]) this.set({ channel, state }, 0);
      for (const r of rows) this.set({ channel: r.channel, state: r.state }, Number(r.n));
    },
  });
  return registry;
}

const globalForMetrics = globalThis as unknown as { visitOnceMetrics?: Registry };

/** One registry per process (the default metrics may be registered once). */
export function metricsRegistry(): Registry {
  globalForMetrics.visitOnceMetrics ??= createRegistry();
  return globalForMetrics.visitOnceMetrics;
}

/** Whether a scrape's `Authorization` header carries the configured token (compared in constant time). */
export function scrapeAllowed(authorization: string | null, token: string | undefined): boolean {
  if (!token || !authorization?.startsWith("Bearer ")) return false;
  const given = Buffer.from(authorization.slice("Bearer ".length));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
