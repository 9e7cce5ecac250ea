// The review window (复核) in working days, on Temporal's time-skipping server: a refusal
// nobody asks to review closes the case when the window ends, with the refusal's reasons.
import { randomUUID } from "node:crypto";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import { caseUpdates, REVIEW_WORKING_DAYS } from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { offeredReview, waitForCase } from "./testing/case-driver";
import { submit, useCaseStack } from "./testing/case-stack";
import { createTimeSkippingTemporal } from "./testing/temporal-env";

const stack = useCaseStack(createTimeSkippingTemporal);
const [mei] = DEMO_CITIZENS;
const DAY = 86_400_000;

describe("the review window", () => {
  it("a refusal with no review asked for closes the case after the window's working days", async () => {
    const { applicationId, handle } = await submit(stack, mei.email);
    await waitForCase(handle, (v) => v.tasks.some((t) => t.status === "AWAITING_DECISION"));
    await handle.executeUpdate(caseUpdates.decide, {
      args: [
        {
          requestId: randomUUID(),
          actorId: "officer-a",
          stepKey: "household-registration",
          office: "public-security",
          decision: "reject",
          reason: "The household is registered in another city.",
        },
      ],
    });
    const refusedAt = await stack.env.currentTimeMs();
    const review = await offeredReview(handle);
    // Ten working days: at least two weeks of calendar days (holidays may add more).
    expect(Date.parse(review.dueAt) - refusedAt).toBeGreaterThanOrEqual(((REVIEW_WORKING_DAYS / 5) * 7 - 1) * DAY);

    // Still open a day before the window ends.
    await stack.env.sleep(Date.parse(review.dueAt) - refusedAt - DAY);
    expect((await waitForCase(handle, () => true)).status).toBe("IN_DEPARTMENTS");

    const outcome = await handle.result();
    expect(outcome).toMatchObject({
      status: "REJECTED",
      reasons: ["Household registration: The household is registered in another city."],
    });
    expect(await stack.env.currentTimeMs()).toBeGreaterThanOrEqual(Date.parse(review.dueAt));
    expect(await stack.db.caseReview.findUniqueOrThrow({ where: { id: review.id } })).toMatchObject({
      status: "LAPSED",
    });
    const kinds = (await stack.db.caseEvent.findMany({ where: { applicationId }, orderBy: { at: "asc" } })).map(
      (e) => e.kind,
    );
    expect(kinds).toEqual(expect.arrayContaining(["case-refused", "review-lapsed", "case-rejected"]));
    const told = await stack.db.notification.findMany({
      where: { applicationId, channel: "IN_APP", kind: { in: ["case-refused", "case-rejected"] } },
      orderBy: { createdAt: "asc" },
    });
    expect(told.map((n) => [n.kind, n.params])).toEqual([
      ["case-refused", { dueDay: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), stepKey: "household-registration" }],
      ["case-rejected", {}],
    ]);
  }, 90_000);
});
