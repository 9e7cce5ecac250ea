// Words as data: what the workflow records for people (history lines, a record step's failure,
// an exception's parameters) reaches the projection as kinds with parameters that the
// contracts' schemas accept, on the real stack.
import { randomUUID } from "node:crypto";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import {
  caseEventWordsSchema,
  type CaseView,
  exceptionDetailSchema,
  stepDetailSchema,
  caseUpdates,
} from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { approveAll, waitForCase } from "./testing/case-driver";
import { submit, useCaseStack } from "./testing/case-stack";
import { createTestTemporal } from "./testing/temporal-env";

const stack = useCaseStack(createTestTemporal);
const [, , hua, zhou] = DEMO_CITIZENS;
const awaitingCaseworker = (v: CaseView) =>
  v.status === "AWAITING_CASEWORKER" && v.exceptions.some((x) => x.status === "OPEN");

describe("words as data", () => {
  it("a missing record: the step, the exception and every history line carry their kind and parameters", async () => {
    const { applicationId, handle } = await submit(stack, hua.email);
    // Her missing birth certificate; no marriage on record is no exception (the service can do without it).
    const view = await waitForCase(handle, (v) => awaitingCaseworker(v) && v.exceptions.length === 1);

    const step = await stack.db.applicationStep.findUniqueOrThrow({
      where: { applicationId_key: { applicationId, key: "fetch:birth-certificate" } },
    });
    expect(step.status).toBe("FAILED");
    expect(stepDetailSchema.parse(step.detailWords)).toEqual({
      kind: "record-missing",
      department: "health",
      recordType: "birth-certificate",
    });

    const rows = await stack.db.caseException.findMany({ where: { applicationId } });
    for (const row of rows) expect(exceptionDetailSchema.parse(row.detail)).toEqual({ kind: "MISSING_RECORD" });

    for (const x of view.exceptions) {
      await handle.executeUpdate(caseUpdates.resolve, {
        args: [
          {
            requestId: randomUUID(),
            actorId: "caseworker-under-test",
            exceptionId: x.id,
            resolution: { kind: "accept", justification: "单亲家庭，已核实。" },
          },
        ],
      });
    }
    expect((await approveAll(handle)).status).toBe("COMPLETED");

    const events = await stack.db.caseEvent.findMany({ where: { applicationId }, orderBy: { at: "asc" } });
    expect(events.length).toBeGreaterThan(5);
    const said = events.map((e) => caseEventWordsSchema.parse(e.words));
    for (const [i, w] of said.entries()) expect(w.kind).toBe(events[i]!.kind);
    expect(said).toContainEqual({
      kind: "exception-raised",
      exception: "MISSING_RECORD",
      department: "health",
      recordType: "birth-certificate",
    });
    expect(said).toContainEqual({ kind: "exception-resolved", resolution: "accept", why: "单亲家庭，已核实。" });
    expect(said).toContainEqual(
      expect.objectContaining({
        kind: "step-started",
        office: "public-security",
        dueDay: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      }),
    );
    expect(said.at(-1)).toEqual({ kind: "case-completed" });
  }, 90_000);

  it("a dispute keeps the citizen's words as a parameter, not inside a sentence", async () => {
    const { applicationId, handle } = await submit(stack, zhou.email);
    await waitForCase(handle, awaitingCaseworker);
    await handle.executeUpdate(caseUpdates.dispute, {
      args: [{ requestId: randomUUID(), actorId: "zhou", recordType: "household", explanation: "我已于2025年迁出。" }],
    });
    await waitForCase(handle, (v) => v.exceptions.length === 2);
    const dispute = await stack.db.caseException.findFirstOrThrow({
      where: { applicationId, kind: "CITIZEN_DISPUTE" },
    });
    expect(exceptionDetailSchema.parse(dispute.detail)).toEqual({
      kind: "CITIZEN_DISPUTE",
      explanation: "我已于2025年迁出。",
    });
    const disputed = await stack.db.caseEvent.findFirstOrThrow({ where: { applicationId, kind: "record-disputed" } });
    expect(disputed.words).toEqual({ kind: "record-disputed", recordType: "household" });
  }, 90_000);
});
