// Deadlines in working days, on Temporal's time-skipping server: a step past its due date
// reminds its office, then escalates to a caseworker; an unanswered request for
// information closes the case. Days pass in milliseconds; the records still come from the
// department sandboxes in real time.
import { randomUUID } from "node:crypto";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import { getCaseQuery, caseUpdates } from "@visit-once/workflows/contracts";
import { describe, expect, it, vi } from "vitest";
import { approveAll, waitForCase } from "./testing/case-driver";
import { submit, useCaseStack } from "./testing/case-stack";
import { createTimeSkippingTemporal } from "./testing/temporal-env";

const stack = useCaseStack(createTimeSkippingTemporal);
const [mei, lei] = DEMO_CITIZENS;
const DAY = 86_400_000;

/** Moves the server's clock to just past `at`. */
async function skipPast(at: string) {
  const now = await stack.env.currentTimeMs();
  await stack.env.sleep(Math.max(0, Date.parse(at) - now) + 60_000);
}

describe("deadlines", () => {
  it("a step past its due date reminds its office, then escalates to a caseworker; the late decision settles the escalation", async () => {
    const { applicationId, handle } = await submit(stack, mei.email);
    const started = await waitForCase(handle, (v) => v.tasks.some((t) => t.status === "AWAITING_DECISION"));
    const task = started.tasks.find((t) => t.key === "household-registration")!;
    const startedAt = await stack.env.currentTimeMs();
    // Five working days: at least five calendar days, at most seven (one weekend).
    expect(Date.parse(task.dueAt!) - startedAt).toBeGreaterThanOrEqual(5 * DAY - 60_000);
    expect(Date.parse(task.dueAt!) - startedAt).toBeLessThanOrEqual(7 * DAY + 60_000);

    await skipPast(task.dueAt!);
    const reminded = await waitForCase(handle, (v) => v.tasks[0]!.overdue);
    expect(reminded.exceptions).toEqual([]);
    // The task is overdue in the workflow's view before the reminder's write lands: read the row once it has.
    const step = await vi.waitFor(
      async () => {
        const row = await stack.db.applicationStep.findUniqueOrThrow({
          where: { applicationId_key: { applicationId, key: "household-registration" } },
        });
        expect(row.remindedAt).not.toBeNull();
        return row;
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(step.escalatedAt).toBeNull();

    // Two more working days: a caseworker is told, without holding up the step.
    await stack.env.sleep(4 * DAY + 60_000);
    const escalated = await waitForCase(handle, (v) => v.exceptions.length === 1);
    expect(escalated.exceptions[0]).toMatchObject({
      kind: "OVERDUE_STEP",
      stepKey: "household-registration",
      departmentCode: "public-security",
      blocking: false,
      status: "OPEN",
    });
    expect(escalated.tasks[0]!.status).toBe("AWAITING_DECISION");
    const row = await stack.db.caseException.findUniqueOrThrow({ where: { id: escalated.exceptions[0]!.id } });
    expect(row.summary).toMatch(
      /^Household registration is overdue at the Public Security Bureau since \d{4}-\d{2}-\d{2}\.$/,
    );
    const events = await stack.db.caseEvent.findMany({ where: { applicationId }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(["step-reminder", "step-escalated"]));
    // The office is reminded in its inbox a day before and once overdue; the escalation goes to the office that supervises it.
    const { supervisingOfficeCode } = await stack.db.office.findUniqueOrThrow({ where: { code: "public-security" } });
    const told = await stack.db.notification.findMany({
      where: { applicationId, kind: { in: ["step-due-soon", "step-reminder", "step-escalated"] } },
      orderBy: { createdAt: "asc" },
    });
    expect(told.map((n) => [n.kind, n.recipient, n.channel])).toEqual([
      ["step-due-soon", "office:public-security", "IN_APP"],
      ["step-reminder", "office:public-security", "IN_APP"],
      ["step-escalated", `office:${supervisingOfficeCode}`, "IN_APP"],
    ]);

    await handle.executeUpdate(caseUpdates.decide, {
      args: [
        {
          requestId: randomUUID(),
          actorId: "o",
          stepKey: "household-registration",
          office: "public-security",
          decision: "approve",
          reason: "",
        },
      ],
    });
    const settled = await waitForCase(handle, (v) => v.exceptions[0]!.status === "RESOLVED");
    expect(settled.tasks.find((t) => t.key === "medical-insurance-enrolment")).toMatchObject({
      status: "AWAITING_DECISION",
      overdue: false,
    });
    expect((await approveAll(handle)).status).toBe("COMPLETED");
  }, 90_000);

  it("a request for information left unanswered past its due date closes the case and reverses what was approved", async () => {
    const { applicationId, handle } = await submit(stack, lei.email);
    await waitForCase(handle, (v) => v.tasks.some((t) => t.status === "AWAITING_DECISION"));
    await handle.executeUpdate(caseUpdates.decide, {
      args: [
        {
          requestId: randomUUID(),
          actorId: "o",
          stepKey: "household-registration",
          office: "public-security",
          decision: "approve",
          reason: "",
        },
      ],
    });
    await waitForCase(handle, (v) =>
      v.tasks.some((t) => t.key === "medical-insurance-enrolment" && t.status === "AWAITING_DECISION"),
    );
    await handle.executeUpdate(caseUpdates.decide, {
      args: [
        {
          requestId: randomUUID(),
          actorId: "o",
          stepKey: "medical-insurance-enrolment",
          office: "medical-security",
          decision: "request-correction",
          reason: "Which hospital?",
        },
      ],
    });
    const view = await handle.query(getCaseQuery);
    await skipPast(view.informationRequests[0]!.dueAt);
    const outcome = await handle.result();
    expect(outcome.status).toBe("REJECTED");
    expect(outcome.reasons).toEqual([
      expect.stringMatching(/^There was no reply to the request for information by \d{4}-\d{2}-\d{2}\.$/),
    ]);
    const app = await stack.db.application.findUniqueOrThrow({
      where: { id: applicationId },
      include: { steps: true, requests: true },
    });
    expect(app.status).toBe("REJECTED");
    expect(app.requests.map((r) => r.status)).toEqual(["EXPIRED"]);
    expect(app.steps.find((s) => s.key === "household-registration")!.status).toBe("REVOKED");
    // Two days before her reply fell due she was reminded, in her inbox and by email; then told of the rejection.
    const told = await stack.db.notification.findMany({
      where: { applicationId, channel: "IN_APP", kind: { in: ["reply-due-soon", "case-rejected"] } },
      orderBy: { createdAt: "asc" },
    });
    expect(told.map((n) => n.kind)).toEqual(["reply-due-soon", "case-rejected"]);
    expect(
      await stack.db.notification.count({
        where: { applicationId, channel: "EMAIL", kind: "reply-due-soon", state: "SENT" },
      }),
    ).toBe(1);
  }, 90_000);
});
