// Notifications from a real case on a real Temporal server: an office's request for a
// correction reaches the citizen (inbox and email), her answer reaches the office, each
// decision and the completion reach her, exactly one message per event, recipient and
// channel; replaying the case's history sends nothing again; a decision answers before its
// message is delivered.
import { randomUUID } from "node:crypto";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import { caseUpdates } from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { approveAll, waitForCase } from "./testing/case-driver";
import { replayCase, saveHistory, submit, useCaseStack } from "./testing/case-stack";
import { createTestTemporal } from "./testing/temporal-env";

const stack = useCaseStack(createTestTemporal);
const [mei] = DEMO_CITIZENS;

const messages = async (applicationId: string) =>
  (
    await stack.db.notification.findMany({
      where: { applicationId },
      orderBy: [{ createdAt: "asc" }, { channel: "asc" }],
    })
  ).map((n) => ({
    kind: n.kind,
    recipient: n.recipient,
    channel: n.channel,
    state: n.state,
    eventKey: n.eventKey,
  }));

describe("notifications", () => {
  it("a question reaches the citizen, her answer the office, the decisions and the end her: once each", async () => {
    const citizen = await stack.db.user.findUniqueOrThrow({ where: { email: mei.email } });
    const me = `user:${citizen.id}`;
    const { applicationId, handle } = await submit(stack, mei.email);
    await waitForCase(handle, (v) =>
      v.tasks.some((t) => t.key === "household-registration" && t.status === "AWAITING_DECISION"),
    );

    const correction = {
      requestId: randomUUID(),
      actorId: "officer.public-security",
      stepKey: "household-registration",
      office: "public-security" as const,
      decision: "request-correction" as const,
      reason: "Upload the hospital's birth record.",
    };
    await Promise.all([
      handle.executeUpdate(caseUpdates.decide, { args: [correction] }),
      handle.executeUpdate(caseUpdates.decide, { args: [correction] }),
    ]);
    const request = await stack.db.informationRequest.findFirstOrThrow({ where: { applicationId } });
    const asked = (await messages(applicationId)).filter((m) => m.kind === "information-requested");
    expect(asked.map((m) => [m.recipient, m.channel, m.state])).toEqual([
      [me, "IN_APP", "SENT"],
      [me, "EMAIL", "SENT"],
    ]);
    expect(asked[0]!.eventKey).toBe(`${handle.workflowId}/${asked[0]!.eventKey.split("/")[1]}`);
    const inbox = await stack.db.notification.findFirstOrThrow({
      where: { applicationId, kind: "information-requested", channel: "IN_APP" },
    });
    // Only references at rest: never the question's words.
    expect(inbox.params).toEqual({
      requestId: request.id,
      dueDay: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      stepKey: "household-registration",
    });
    const email = await stack.db.notification.findFirstOrThrow({
      where: { applicationId, kind: "information-requested", channel: "EMAIL" },
    });
    expect(await stack.db.devMailboxMessage.findUniqueOrThrow({ where: { notificationId: email.id } })).toMatchObject({
      to: mei.email,
      subject: "请补充信息：新生儿出生“一件事”",
    });

    const reply = {
      requestId: randomUUID(),
      actorId: citizen.id,
      informationRequestId: request.id,
      reply: "Uploaded.",
    };
    await handle.executeUpdate(caseUpdates.reply, { args: [reply] });
    await handle.executeUpdate(caseUpdates.reply, { args: [reply] });
    expect(
      (await messages(applicationId))
        .filter((m) => m.kind === "information-provided")
        .map((m) => [m.recipient, m.channel]),
    ).toEqual([["office:public-security", "IN_APP"]]);

    expect((await approveAll(handle)).status).toBe("COMPLETED");
    const all = await messages(applicationId);
    const count = (kind: string, channel: string) =>
      all.filter((m) => m.kind === kind && m.channel === channel && m.recipient === me).length;
    expect(count("step-approved", "IN_APP")).toBe(3);
    expect(count("step-approved", "EMAIL")).toBe(3);
    expect(count("case-completed", "IN_APP")).toBe(1);
    expect(count("case-completed", "EMAIL")).toBe(1);
    expect(all.every((m) => m.state === "SENT")).toBe(true);
    await saveHistory(stack, "newborn-registration-notified-answered-first", handle);

    // Replaying the whole case (a worker restart) issues the same commands and sends nothing.
    const history = await replayCase(handle);
    expect(await messages(applicationId)).toEqual(all);

    // Each of the three approvals answered its office once the step was written: its message to
    // the citizen was still being delivered when the update completed (and before the case ended).
    const events = history.events ?? [];
    const delivered = new Map(
      events.flatMap((e) =>
        e.activityTaskCompletedEventAttributes
          ? [[Number(e.activityTaskCompletedEventAttributes.scheduledEventId), Number(e.eventId)] as const]
          : [],
      ),
    );
    const sending = events
      .filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === "notify")
      .map((e) => Number(e.eventId));
    const decisions = new Set(
      events.flatMap((e) => {
        const accepted = e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
        return accepted?.input?.name === caseUpdates.decide.name ? [accepted.meta?.updateId] : [];
      }),
    );
    const answeredWhileSending = events
      .filter((e) => decisions.has(e.workflowExecutionUpdateCompletedEventAttributes?.meta?.updateId))
      .map((e) => Number(e.eventId))
      .filter((answer) => sending.some((sent) => sent < answer && answer < delivered.get(sent)!));
    expect(decisions.size).toBe(5);
    expect(answeredWhileSending).toHaveLength(3);
  }, 90_000);
});
