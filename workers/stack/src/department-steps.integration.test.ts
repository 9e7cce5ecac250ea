// Department steps as human tasks: decisions, out-of-turn actions refused, repeats
// ignored, corrections asked of the citizen, and closing a case midway undoes what was
// done, newest first.
import { randomUUID } from "node:crypto";
import type { WorkflowHandle } from "@temporalio/client";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import { type CaseActionArgs, type StepDecision, type StepOffice, caseUpdates } from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { approveAll, refusal, refusalCode, upholdRefusal, waitForCase } from "./testing/case-driver";
import { result, saveHistory, setFaults, submit, useCaseStack } from "./testing/case-stack";
import { createTestTemporal } from "./testing/temporal-env";

const stack = useCaseStack(createTestTemporal);
const [mei, lei] = DEMO_CITIZENS;

const STEPS: Record<string, StepOffice> = {
  "household-registration": "public-security",
  "medical-insurance-enrolment": "medical-security",
  "social-security-card": "human-resources",
};

function decision(
  stepKey: string,
  d: StepDecision,
  reason = "",
  extra: Partial<CaseActionArgs<"decide">> = {},
): CaseActionArgs<"decide"> {
  return {
    requestId: randomUUID(),
    actorId: `officer.${STEPS[stepKey]}`,
    stepKey,
    office: STEPS[stepKey]!,
    decision: d,
    reason,
    ...extra,
  };
}
const decide = (handle: WorkflowHandle, args: CaseActionArgs<"decide">) =>
  handle.executeUpdate(caseUpdates.decide, { args: [args] });
const awaiting = (key: string) => (v: Awaited<ReturnType<typeof waitForCase>>) =>
  v.tasks.some((t) => t.key === key && t.status === "AWAITING_DECISION");
const eventKinds = async (applicationId: string) =>
  (await stack.db.caseEvent.findMany({ where: { applicationId }, orderBy: { at: "asc" } })).map((e) => e.kind);

describe("department decisions", () => {
  it("refuses decisions out of turn, from the wrong office and twice; a repeated request is answered once and changes nothing", async () => {
    const { applicationId, handle } = await submit(stack, mei.email);
    await waitForCase(handle, awaiting("household-registration"));

    expect(await refusal(decide(handle, decision("social-security-card", "approve")))).toBe(
      'Step "social-security-card" is not awaiting a decision: it is waiting for earlier steps.',
    );
    expect(
      await refusal(decide(handle, decision("household-registration", "approve", "", { office: "taxation" }))),
    ).toBe('Step "household-registration" is decided by the Public Security Bureau, not the Tax Bureau.');
    expect(await refusal(decide(handle, decision("household-registration", "reject", "  ")))).toBe(
      "A rejection or a request for correction needs a reason the citizen can act on.",
    );
    expect(await refusal(decide(handle, decision("no-such-step", "approve")))).toBe(
      'This case has no step "no-such-step".',
    );

    const approve = decision("household-registration", "approve");
    const [first, repeat] = await Promise.all([decide(handle, approve), decide(handle, approve)]);
    expect(first).toEqual({ status: "IN_DEPARTMENTS" });
    expect(repeat).toEqual(first);
    expect(await decide(handle, approve)).toEqual(first);
    expect((await eventKinds(applicationId)).filter((k) => k === "step-approve")).toHaveLength(1);
    expect(await refusal(decide(handle, decision("household-registration", "reject", "too late")))).toBe(
      'Step "household-registration" is not awaiting a decision: it is already approved.',
    );
    // The refusal also carries a code and its values, for the pages to say it in Chinese too.
    expect(await refusalCode(decide(handle, decision("household-registration", "reject", "too late")))).toEqual({
      code: "step-not-awaiting",
      params: { stepKey: "household-registration", taskStatus: "APPROVED" },
    });

    expect((await approveAll(handle)).status).toBe("COMPLETED");
  }, 60_000);

  it("an officer's rejection, upheld on review, closes the case with the reason and reverses the steps already approved", async () => {
    const { applicationId, handle } = await submit(stack, mei.email);
    await waitForCase(handle, awaiting("household-registration"));
    await decide(handle, decision("household-registration", "approve"));
    await waitForCase(handle, awaiting("medical-insurance-enrolment"));
    // The rejection is offered for review (复核) first: the case goes on waiting.
    expect(
      await decide(handle, decision("medical-insurance-enrolment", "reject", "Already insured in another city.")),
    ).toEqual({ status: "IN_DEPARTMENTS" });
    expect(await upholdRefusal(handle, "Insured in Hangzhou since 2024.")).toMatchObject({
      status: "REJECTED",
      reasons: [
        "Medical insurance enrolment: Already insured in another city.",
        "Upheld on review: Insured in Hangzhou since 2024.",
      ],
    });
    await saveHistory(stack, "newborn-registration-review-upheld", handle);

    const steps = Object.fromEntries(
      (await stack.db.applicationStep.findMany({ where: { applicationId } })).map((s) => [s.key, s]),
    );
    expect(steps["household-registration"]!.status).toBe("REVOKED");
    expect(steps["medical-insurance-enrolment"]).toMatchObject({
      status: "REJECTED",
      detail: "Already insured in another city.",
      decidedById: "officer.medical-security",
    });
    expect(steps["social-security-card"]!.status).toBe("CANCELLED");
    const app = await stack.db.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(app).toMatchObject({
      status: "REJECTED",
      reasons: [
        "Medical insurance enrolment: Already insured in another city.",
        "Upheld on review: Insured in Hangzhou since 2024.",
      ],
      reasonsZh: ["医保参保登记：Already insured in another city.", "复核维持原决定：Insured in Hangzhou since 2024."],
    });
    expect(await eventKinds(applicationId)).toEqual(
      expect.arrayContaining([
        "step-reject",
        "case-refused",
        "review-requested",
        "review-upheld",
        "step-revoked",
        "case-rejected",
      ]),
    );
    // The history says it in both languages.
    const closed = await stack.db.caseEvent.findFirstOrThrow({ where: { applicationId, kind: "case-rejected" } });
    expect(closed).toMatchObject({
      messageEn:
        "Your application was not approved: Medical insurance enrolment: Already insured in another city. Upheld on review: Insured in Hangzhou since 2024.",
      messageZh:
        "申请未获批准：医保参保登记：Already insured in another city.复核维持原决定：Insured in Hangzhou since 2024.",
    });
  }, 60_000);

  it("a correction asked of the citizen goes back to the office when answered", async () => {
    const { applicationId, handle } = await submit(stack, lei.email);
    await waitForCase(handle, awaiting("household-registration"));
    await decide(
      handle,
      decision("household-registration", "request-correction", "Please give the baby's name in Chinese characters."),
    );
    const view = await waitForCase(handle, (v) => v.informationRequests.length === 1);
    expect(view.tasks.find((t) => t.key === "household-registration")!.status).toBe("AWAITING_CITIZEN");
    expect(await refusal(decide(handle, decision("household-registration", "approve")))).toBe(
      'Step "household-registration" is not awaiting a decision: it is waiting for the citizen\'s correction.',
    );
    const step = await stack.db.applicationStep.findUniqueOrThrow({
      where: { applicationId_key: { applicationId, key: "household-registration" } },
    });
    expect(step).toMatchObject({
      status: "AWAITING_CITIZEN",
      detail: "Please give the baby's name in Chinese characters.",
    });

    const reply = {
      requestId: randomUUID(),
      actorId: "lei",
      informationRequestId: view.informationRequests[0]!.id,
      reply: "李小磊",
    };
    await handle.executeUpdate(caseUpdates.reply, { args: [reply] });
    expect(
      await refusal(handle.executeUpdate(caseUpdates.reply, { args: [{ ...reply, requestId: randomUUID() }] })),
    ).toBe("This request for information is already answered.");
    await waitForCase(handle, awaiting("household-registration"));
    expect((await approveAll(handle)).status).toBe("COMPLETED");
    await saveHistory(stack, "newborn-registration-correction-answered", handle);
  }, 60_000);
});

describe("cancellation", () => {
  it("the citizen cancels midway: every approved step is reversed, newest first, and nothing is left open", async () => {
    const { applicationId, handle } = await submit(stack, lei.email);
    for (const key of ["household-registration", "medical-insurance-enrolment"]) {
      await waitForCase(handle, awaiting(key));
      await decide(handle, decision(key, "approve"));
    }
    await waitForCase(handle, awaiting("social-security-card"));
    expect(
      await handle.executeUpdate(caseUpdates.cancel, {
        args: [{ requestId: randomUUID(), actorId: "lei", reason: "We moved to another city." }],
      }),
    ).toEqual({ status: "CANCELLED" });
    expect(await result(handle)).toMatchObject({ status: "CANCELLED", reasons: ["We moved to another city."] });
    await saveHistory(stack, "newborn-registration-cancelled", handle);

    const revoked = await stack.db.caseEvent.findMany({
      where: { applicationId, kind: "step-revoked" },
      orderBy: { at: "asc" },
    });
    expect(revoked.map((e) => e.messageEn)).toEqual([
      "Medical insurance enrolment: reversed because the application was closed.",
      "Household registration: reversed because the application was closed.",
    ]);
    const steps = await stack.db.applicationStep.findMany({
      where: { applicationId, kind: "DEPARTMENT" },
      orderBy: { position: "asc" },
    });
    expect(steps.map((s) => s.status)).toEqual(["REVOKED", "REVOKED", "CANCELLED"]);
    expect((await stack.db.application.findUniqueOrThrow({ where: { id: applicationId } })).status).toBe("CANCELLED");
  }, 60_000);

  it("the citizen can cancel while a department is still being waited for", async () => {
    await setFaults(stack, "civil-affairs", { outageUntil: new Date(Date.now() + 600_000).toISOString() });
    try {
      const { applicationId, handle } = await submit(stack, mei.email);
      await waitForCase(handle, (v) => v.status === "FETCHING" && v.pending.length === 1);
      expect(
        await handle.executeUpdate(caseUpdates.cancel, {
          args: [{ requestId: randomUUID(), actorId: "mei", reason: "" }],
        }),
      ).toEqual({ status: "CANCELLED" });
      expect(await result(handle)).toMatchObject({ status: "CANCELLED", reasons: ["Cancelled by the citizen."] });
      const app = await stack.db.application.findUniqueOrThrow({
        where: { id: applicationId },
        include: { steps: true },
      });
      expect(app.status).toBe("CANCELLED");
      expect(app.steps.find((s) => s.key === "fetch:marriage")!.status).toBe("CANCELLED");
    } finally {
      await setFaults(stack, "civil-affairs", {});
    }
  }, 60_000);
});
