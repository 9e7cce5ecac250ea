// The preview's deadline, on Temporal's time-skipping server: when the citizen neither
// confirms nor withdraws anything in time, the case goes on with the consent she gave at
// submission (the preview is a chance to refuse, not a new permission to wait for).
import { DEMO_CITIZENS } from "@visit-once/prisma";
import { caseEventWordsSchema } from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { waitForCase } from "./testing/case-driver";
import { saveHistory, submit, useCaseStack } from "./testing/case-stack";
import { createTimeSkippingTemporal } from "./testing/temporal-env";

const stack = useCaseStack(createTimeSkippingTemporal);
const [mei] = DEMO_CITIZENS;
const DAY = 86_400_000;

describe("the preview's deadline", () => {
  it("passes unanswered: the case goes on to the offices with every record it had, and says why", async () => {
    const { applicationId, handle } = await submit(stack, mei.email, { leavePreview: true });
    await waitForCase(handle, (v) => v.status === "AWAITING_CONFIRMATION", 60_000, 100, { leavePreview: true });
    const ready = caseEventWordsSchema.parse(
      (await stack.db.caseEvent.findFirstOrThrow({ where: { applicationId, kind: "preview-ready" } })).words,
    );
    if (ready.kind !== "preview-ready") throw new Error("not the preview's event");
    const now = await stack.env.currentTimeMs();
    // Five working days: at least five calendar days, at most nine (two weekends).
    const dueEnd = Date.parse(`${ready.dueDay}T16:00:00Z`);
    expect(dueEnd - now).toBeGreaterThanOrEqual(4 * DAY);
    expect(dueEnd - now).toBeLessThanOrEqual(10 * DAY);

    // A day before the deadline the case still waits for her.
    await stack.env.sleep(Math.max(0, dueEnd - now - 2 * DAY));
    expect((await waitForCase(handle, () => true, 10_000, 100, { leavePreview: true })).status).toBe(
      "AWAITING_CONFIRMATION",
    );

    await stack.env.sleep(3 * DAY);
    const view = await waitForCase(handle, (v) => v.status === "IN_DEPARTMENTS", 60_000, 100, { leavePreview: true });
    expect(view.withdrawn).toBeUndefined();
    const lapsed = await stack.db.caseEvent.findFirstOrThrow({ where: { applicationId, kind: "preview-lapsed" } });
    expect(caseEventWordsSchema.parse(lapsed.words)).toEqual({ kind: "preview-lapsed", dueDay: ready.dueDay });
    expect(await stack.db.evidenceRecord.count({ where: { applicationId } })).toBe(5);
    await handle.terminate("test over");
    await saveHistory(stack, "newborn-registration-preview-lapsed", handle);
  }, 120_000);
});
