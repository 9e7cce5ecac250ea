// Decisions arriving together on a real Temporal server: every step awaiting a decision decided at
// the same moment, each decision sent twice, queries beside them. Each lands once, each answer
// comes after its write, and the case's history replays. (This test caught the nondeterminism of
// projection writes as local activities beside updates: see workflows/README.md.)
import { randomUUID } from "node:crypto";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import { caseUpdates, getCaseQuery, SERVICES } from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { waitForCase } from "./testing/case-driver";
import { replayCase, submit, useCaseStack } from "./testing/case-stack";
import { createTestTemporal } from "./testing/temporal-env";

const stack = useCaseStack(createTestTemporal);
const [mei] = DEMO_CITIZENS;

describe("decisions arriving together", () => {
  it("land once each, answer after their writes, and the history replays", async () => {
    const { applicationId, handle } = await submit(stack, mei.email, { serviceCode: "business-startup" });
    for (;;) {
      const view = await waitForCase(
        handle,
        (v) => v.status === "COMPLETED" || v.tasks.some((t) => t.status === "AWAITING_DECISION"),
      );
      if (view.status === "COMPLETED") break;
      // Every step awaiting a decision is decided at the same moment, each decision sent twice.
      const decisions = view.tasks
        .filter((t) => t.status === "AWAITING_DECISION")
        .map((t) => ({
          requestId: randomUUID(),
          actorId: `officer.${t.office}`,
          stepKey: t.key,
          office: t.office,
          decision: "approve" as const,
          reason: "",
        }));
      const [answers, views] = await Promise.all([
        Promise.all(
          decisions.map((d) =>
            Promise.all([
              handle.executeUpdate(caseUpdates.decide, { updateId: d.requestId, args: [d] }),
              handle.executeUpdate(caseUpdates.decide, { updateId: d.requestId, args: [d] }),
            ]),
          ),
        ),
        Promise.all(decisions.map(() => handle.query(getCaseQuery))),
      ]);
      // A decision sent twice is answered twice alike; the queries beside them see the case's steps.
      for (const [first, repeat] of answers) expect(repeat).toEqual(first);
      for (const v of views) expect(v.tasks.map((t) => t.key)).toEqual(view.tasks.map((t) => t.key));
      // A decision's answer comes after its write: the officer's queue already shows it.
      const decided = await stack.db.applicationStep.findMany({
        where: { applicationId, key: { in: decisions.map((d) => d.stepKey) } },
      });
      expect(decided.map((s) => s.status)).toEqual(decisions.map(() => "DONE"));
    }
    expect(await handle.result()).toMatchObject({ status: "COMPLETED" });

    const app = await stack.db.application.findUniqueOrThrow({
      where: { id: applicationId },
      include: { steps: true, documents: true, events: true },
    });
    expect(app.status).toBe("COMPLETED");
    expect(app.steps.filter((s) => s.kind === "DEPARTMENT").map((s) => s.status)).toEqual(
      app.steps.filter((s) => s.kind === "DEPARTMENT").map(() => "DONE"),
    );
    expect(app.documents.length).toBe(SERVICES["business-startup"].outcomes.length);
    // Each approval's line once, though each decision was sent twice.
    const approvals = app.events.filter((e) => e.kind === "step-approve");
    expect(approvals.length).toBe(app.steps.filter((s) => s.kind === "DEPARTMENT").length);

    await replayCase(handle);
  }, 120_000);
});
