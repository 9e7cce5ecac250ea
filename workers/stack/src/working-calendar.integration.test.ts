// Deadlines count the holiday calendar, on Temporal's time-skipping server: the test makes
// the next three weekdays public holidays and the weekend after them a 调休 working day (as
// an admin would), and the step the real workers start is due on the calendar's day, not
// the weekday rule's; skipping past that day reminds the office.
import { DEMO_CITIZENS } from "@visit-once/prisma";
import type { WorkingCalendar } from "@visit-once/workflows/contracts";
import { addWorkingDays, cstDay } from "@visit-once/workflows/working-days";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveAll, waitForCase } from "./testing/case-driver";
import { saveHistory, submit, useCaseStack } from "./testing/case-stack";
import { createTimeSkippingTemporal } from "./testing/temporal-env";

const stack = useCaseStack(createTimeSkippingTemporal);
const [mei] = DEMO_CITIZENS;
const DAY = 86_400_000;
let calendar: WorkingCalendar;

beforeAll(async () => {
  const now = await stack.env.currentTimeMs();
  const weekendDay = (t: number) => [0, 6].includes(new Date(t + 8 * 3_600_000).getUTCDay());
  // The next three weekdays are holidays (so the weekday rule always counts them), then
  // the first weekend day after them is a working day.
  const holidays: string[] = [];
  let t = now;
  while (holidays.length < 3) if (!weekendDay((t += DAY))) holidays.push(cstDay(t));
  while (!weekendDay((t += DAY)));
  const workdays = [cstDay(t)];
  calendar = { from: cstDay(now), to: cstDay(now + 60 * DAY), holidays, workdays };
  const taken = await stack.db.workingCalendarDay.count({ where: { day: { in: [...holidays, ...workdays] } } });
  expect(taken, "the test's days must be free in the calendar table").toBe(0);
  await stack.db.workingCalendarDay.createMany({
    data: [
      ...holidays.map((day) => ({
        day,
        kind: "HOLIDAY" as const,
        nameEn: "Test holiday",
        nameZh: "测试假日",
        source: "ADMIN" as const,
      })),
      ...workdays.map((day) => ({
        day,
        kind: "WORKDAY" as const,
        nameEn: "Test make-up day",
        nameZh: "测试调休",
        source: "ADMIN" as const,
      })),
    ],
  });
}, 120_000);

afterAll(async () => {
  if (calendar)
    await stack.db.workingCalendarDay.deleteMany({
      where: { day: { in: [...calendar.holidays, ...calendar.workdays] }, source: "ADMIN" },
    });
});

describe("the working calendar", () => {
  it("a step's deadline skips the holidays and counts the working weekend; the office is reminded on that day", async () => {
    const { applicationId, handle } = await submit(stack, mei.email);
    const started = await waitForCase(handle, (v) => v.tasks.some((t) => t.status === "AWAITING_DECISION"));
    const startedAt = await stack.env.currentTimeMs();
    const task = started.tasks.find((t) => t.key === "household-registration")!;
    const dueAt = Date.parse(task.dueAt!);

    // Five working days on the calendar; the weekday rule would give another day.
    expect(cstDay(dueAt)).toBe(cstDay(addWorkingDays(startedAt, 5, calendar)));
    expect(cstDay(dueAt)).not.toBe(cstDay(addWorkingDays(startedAt, 5)));

    // The history and the step name the same day, in Beijing.
    const row = await stack.db.applicationStep.findUniqueOrThrow({
      where: { applicationId_key: { applicationId, key: "household-registration" } },
    });
    expect(row.dueAt?.toISOString()).toBe(task.dueAt);
    const history = await stack.db.caseEvent.findFirstOrThrow({ where: { applicationId, kind: "step-started" } });
    expect(history.messageEn).toContain(`due ${cstDay(dueAt)}.`);

    // Not reminded the day before; reminded once the due time passes.
    await stack.env.sleep(Math.max(0, dueAt - startedAt - DAY));
    expect((await waitForCase(handle, () => true)).tasks[0]!.overdue).toBe(false);
    await stack.env.sleep(DAY + 60_000);
    await waitForCase(handle, (v) => v.tasks[0]!.overdue);
    expect((await approveAll(handle)).status).toBe("COMPLETED");
    await saveHistory(stack, "newborn-registration-working-calendar", handle);
  }, 90_000);
});
