import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { testAccount, testDb } from "@/testing/database";
import { createRegistry, scrapeAllowed } from "./metrics";

const db = testDb();
afterAll(() => db.$disconnect());

/** The value of one sample of `name` with exactly these labels, from the registry's text. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const want = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(",");
  const line = text.split("\n").find((l) => l.startsWith(`${name}{${want}} `));
  return line === undefined ? undefined : Number(line.split(" ").pop());
}

describe("the web's metrics", () => {
  it("counts cases by status and the department steps overdue or due within a working day, from the database", async () => {
    const registry = createRegistry(() => db);
    const office = `test-office-${randomUUID()}`;
    const before = await registry.metrics();
    const citizen = await testAccount(db, "CITIZEN");
    const now = Date.now();
    const app = await db.application.create({
      data: {
        id: randomUUID(),
        serviceCode: "newborn-registration",
        citizenId: citizen.id,
        consent: [],
        status: "IN_DEPARTMENTS",
      },
    });
    const step = (key: string, dueAt: Date, status: "AWAITING_DECISION" | "DONE" = "AWAITING_DECISION") => ({
      applicationId: app.id,
      key,
      position: 0,
      kind: "DEPARTMENT" as const,
      departmentCode: office,
      status,
      dueAt,
    });
    await db.applicationStep.createMany({
      data: [
        step("overdue", new Date(now - 3_600_000)),
        step("due-soon", new Date(now + 3_600_000)),
        step("later", new Date(now + 30 * 86_400_000)),
        step("decided", new Date(now - 3_600_000), "DONE"),
      ],
    });
    const after = await registry.metrics();
    expect(sample(after, "vo_cases", { status: "IN_DEPARTMENTS" })).toBeGreaterThanOrEqual(
      (sample(before, "vo_cases", { status: "IN_DEPARTMENTS" }) ?? 0) + 1,
    );
    expect(sample(after, "vo_department_steps_at_risk", { office, state: "overdue" })).toBe(1);
    expect(sample(after, "vo_department_steps_at_risk", { office, state: "due_soon" })).toBe(1);
    expect(after).toContain("vo_web_process_cpu_user_seconds_total");
  });

  it("counts the notifications not delivered, by channel and state, and not the sent ones", async () => {
    const registry = createRegistry(() => db);
    const before = await registry.metrics();
    const citizen = await testAccount(db, "CITIZEN");
    const app = await db.application.create({
      data: {
        id: randomUUID(),
        serviceCode: "newborn-registration",
        citizenId: citizen.id,
        consent: [],
        status: "IN_DEPARTMENTS",
      },
    });
    const message = (channel: "IN_APP" | "EMAIL" | "SMS", state: "PENDING" | "SENT" | "FAILED") => ({
      eventKey: `metrics-test:${randomUUID()}`,
      recipient: `user:${citizen.id}`,
      userId: citizen.id,
      channel,
      applicationId: app.id,
      kind: "question-asked",
      params: {},
      state,
    });
    await db.notification.createMany({
      data: [
        message("EMAIL", "PENDING"),
        message("EMAIL", "FAILED"),
        message("SMS", "FAILED"),
        message("IN_APP", "SENT"),
        message("EMAIL", "SENT"),
      ],
    });
    const after = await registry.metrics();
    const grew = (channel: string, state: string) =>
      sample(after, "vo_notifications_undelivered", { channel, state })! -
      (sample(before, "vo_notifications_undelivered", { channel, state }) ?? 0);
    expect(grew("EMAIL", "PENDING")).toBe(1);
    expect(grew("EMAIL", "FAILED")).toBe(1);
    expect(grew("SMS", "FAILED")).toBe(1);
    expect(grew("SMS", "PENDING")).toBe(0);
    expect(after).not.toContain('state="SENT"');
  });

  it("lets a scrape in only with the configured bearer token", () => {
    const token = "0123456789abcdef0123";
    expect(scrapeAllowed(`Bearer ${token}`, token)).toBe(true);
    expect(scrapeAllowed(null, token)).toBe(false);
    expect(scrapeAllowed(token, token)).toBe(false);
    expect(scrapeAllowed(`Bearer ${token}x`, token)).toBe(false);
    expect(scrapeAllowed(`Bearer ${token}`, undefined)).toBe(false);
  });
});
