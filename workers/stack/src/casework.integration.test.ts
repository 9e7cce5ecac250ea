// Exceptions handed to caseworkers and awaited: conflicts, missing records, disputes;
// each resolution and what follows it, on the real stack.
import { randomUUID } from "node:crypto";
import type { WorkflowHandle } from "@temporalio/client";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import { type CaseView, getCaseQuery, type Resolution, caseUpdates } from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { approveAll, refusal, upholdRefusal, waitForCase } from "./testing/case-driver";
import { saveHistory, submit, useCaseStack } from "./testing/case-stack";
import { createTestTemporal } from "./testing/temporal-env";

const stack = useCaseStack(createTestTemporal);
const [, , hua, zhou] = DEMO_CITIZENS;

const resolve = (handle: WorkflowHandle, exceptionId: string, resolution: Resolution, requestId = randomUUID()) =>
  handle.executeUpdate(caseUpdates.resolve, {
    args: [{ requestId, actorId: "caseworker-under-test", exceptionId, resolution }],
  });
const awaitingCaseworker = (v: CaseView) =>
  v.status === "AWAITING_CASEWORKER" && v.exceptions.some((x) => x.status === "OPEN");

describe("a conflict between departments", () => {
  it("waits for a caseworker, who chooses the authoritative value; the case then goes on to the departments", async () => {
    const { applicationId, handle } = await submit(stack, zhou.email);
    const view = await waitForCase(handle, awaitingCaseworker);
    expect(view.tasks).toEqual([]);
    expect(view.exceptions).toEqual([expect.objectContaining({ kind: "CONFLICT", status: "OPEN", blocking: true })]);
    const conflict = view.exceptions[0]!;
    expect(conflict.conflict!.values).toEqual(
      expect.arrayContaining([
        { value: "周敏", recordType: "identity", department: "public-security" },
        { value: "周民", recordType: "medical-insurance", department: "medical-security" },
      ]),
    );
    const row = await stack.db.caseException.findUniqueOrThrow({ where: { id: conflict.id } });
    expect(row).toMatchObject({
      applicationId,
      kind: "CONFLICT",
      status: "OPEN",
      summary:
        'The departments disagree on the name: "周敏" (Public Security Bureau) against "周民" (Medical Security Bureau).',
    });
    expect((await stack.db.application.findUniqueOrThrow({ where: { id: applicationId } })).status).toBe(
      "AWAITING_CASEWORKER",
    );

    expect(
      await refusal(resolve(handle, conflict.id, { kind: "choose-value", value: "周小敏", justification: "x" })),
    ).toBe("The chosen value must be one of the values the departments hold.");
    expect(await refusal(resolve(handle, conflict.id, { kind: "accept", justification: "x" }))).toBe(
      'A conflict cannot be resolved by "accept".',
    );
    expect(
      await resolve(handle, conflict.id, {
        kind: "choose-value",
        value: "周敏",
        justification: "The identity card is the legal name.",
      }),
    ).toEqual({ status: "IN_DEPARTMENTS" });

    expect((await approveAll(handle)).status).toBe("COMPLETED");
    await saveHistory(stack, "newborn-registration-conflict-resolved", handle);
    const resolved = await stack.db.caseException.findUniqueOrThrow({ where: { id: conflict.id } });
    expect(resolved).toMatchObject({
      status: "RESOLVED",
      resolvedById: "caseworker-under-test",
      resolution: { kind: "choose-value", value: "周敏" },
    });
    expect(resolved.resolvedAt).not.toBeNull();
  }, 60_000);

  it("asked again, the departments still disagree: the exception reopens for the caseworker", async () => {
    const { handle } = await submit(stack, zhou.email);
    const { exceptions } = await waitForCase(handle, awaitingCaseworker);
    await resolve(handle, exceptions[0]!.id, { kind: "refetch" });
    // The case may still read "awaiting a caseworker" while the refetch runs: its history line,
    // written when the refetch ends, says it has, and that the departments still disagree.
    const history = async () =>
      (
        await stack.db.caseEvent.findMany({
          where: { applicationId: handle.workflowId.replace("application-", "") },
          orderBy: { at: "asc" },
        })
      ).map((e) => e.messageEn);
    await expect.poll(history, { timeout: 30_000 }).toContain("Asked again: The departments still disagree.");
    const reopened = await waitForCase(handle, awaitingCaseworker);
    expect(reopened.exceptions).toEqual([expect.objectContaining({ id: exceptions[0]!.id, status: "OPEN" })]);
    await resolve(handle, exceptions[0]!.id, { kind: "reject", reason: "The name could not be confirmed." });
    expect(await upholdRefusal(handle, "Still unconfirmed.")).toMatchObject({
      status: "REJECTED",
      reasons: ["The name could not be confirmed.", "Upheld on review: Still unconfirmed."],
    });
  }, 60_000);
});

describe("missing records", () => {
  it("a caseworker asks the citizen, reads the answer and accepts the case without the records", async () => {
    const { applicationId, handle } = await submit(stack, hua.email);
    // No marriage on record is no exception: the newborn's service can do without it (optional since version 3).
    const view = await waitForCase(handle, (v) => awaitingCaseworker(v) && v.exceptions.length === 1);
    expect(view.exceptions.map((x) => [x.kind, x.recordType])).toEqual([["MISSING_RECORD", "birth-certificate"]]);
    const birth = view.exceptions.find((x) => x.recordType === "birth-certificate")!;
    await resolve(handle, birth.id, { kind: "ask-citizen", question: "Where was the baby born?" });
    const asked = await waitForCase(handle, (v) => v.informationRequests.length === 1);
    expect(asked.exceptions.find((x) => x.id === birth.id)!.status).toBe("WAITING_CITIZEN");
    const request = await stack.db.informationRequest.findFirstOrThrow({ where: { applicationId } });
    expect(request).toMatchObject({ question: "Where was the baby born?", status: "OPEN", exceptionId: birth.id });

    // The citizen answers; the exception is the caseworker's again, with the reply.
    await handle.executeUpdate(caseUpdates.reply, {
      args: [
        {
          requestId: randomUUID(),
          actorId: "hua",
          informationRequestId: request.id,
          reply: "At home, with a midwife.",
        },
      ],
    });
    await waitForCase(handle, (v) => v.exceptions.find((x) => x.id === birth.id)!.status === "OPEN");
    expect(await stack.db.informationRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "ANSWERED",
      reply: "At home, with a midwife.",
    });

    await resolve(handle, birth.id, { kind: "accept", justification: "Home birth, midwife's certificate seen." });
    expect((await approveAll(handle)).status).toBe("COMPLETED");
    await saveHistory(stack, "newborn-registration-missing-asked-citizen", handle);
  }, 60_000);
});

describe("a citizen disputes a record", () => {
  it("before the departments start, the dispute holds the case; its department is asked to correct the record first", async () => {
    const { handle } = await submit(stack, zhou.email);
    await waitForCase(handle, awaitingCaseworker);
    await handle.executeUpdate(caseUpdates.dispute, {
      args: [
        { requestId: randomUUID(), actorId: "zhou", recordType: "household", explanation: "My address moved in 2025." },
      ],
    });
    const atDepartment = await waitForCase(
      handle,
      (v) => v.exceptions.length === 2 && (v.corrections?.length ?? 0) === 1,
    );
    expect(atDepartment.exceptions.find((x) => x.kind === "CITIZEN_DISPUTE")).toMatchObject({
      recordType: "household",
      departmentCode: "public-security",
      blocking: true,
      status: "AT_DEPARTMENT",
    });
    expect(
      await refusal(
        handle.executeUpdate(caseUpdates.dispute, {
          args: [{ requestId: randomUUID(), actorId: "zhou", recordType: "vaccination", explanation: "x" }],
        }),
      ),
    ).toBe("This case holds no vaccination record to dispute.");
    // The department refuses (see correction.integration.test.ts); the dispute is the caseworker's again.
    const correctionId = atDepartment.corrections![0]!.id;
    await handle.executeUpdate(caseUpdates.correct, {
      args: [
        {
          requestId: randomUUID(),
          actorId: "officer",
          correctionId,
          office: "public-security",
          answer: { kind: "refuse", reason: "Our register is right." },
        },
      ],
    });
    const view = await waitForCase(handle, (v) => v.exceptions.every((x) => x.status === "OPEN"));
    for (const x of view.exceptions) {
      await resolve(
        handle,
        x.id,
        x.kind === "CONFLICT"
          ? { kind: "choose-value", value: "周敏", justification: "ID card" }
          : { kind: "accept", justification: "Checked with the citizen: the register is right." },
      );
    }
    expect((await approveAll(handle)).status).toBe("COMPLETED");
  }, 60_000);
});

describe("what a resolution cannot do", () => {
  it("refuses a resolution for an exception the case does not have, and a department decision while a caseworker holds the case", async () => {
    const { handle } = await submit(stack, zhou.email);
    const view = await waitForCase(handle, awaitingCaseworker);
    expect(await refusal(resolve(handle, randomUUID(), { kind: "reject", reason: "x" }))).toBe(
      "This case has no such exception.",
    );
    const decision = {
      requestId: randomUUID(),
      actorId: "officer",
      stepKey: "household-registration",
      office: "public-security" as const,
      decision: "approve" as const,
      reason: "",
    };
    expect(await refusal(handle.executeUpdate(caseUpdates.decide, { args: [decision] }))).toBe(
      "This case is with a caseworker: it does not take a department decision now.",
    );
    expect(await refusal(resolve(handle, view.exceptions[0]!.id, { kind: "reject", reason: " " }))).toBe(
      "Say why: a resolution needs a justification, reason, question or note.",
    );
    // Nothing changed.
    expect(await handle.query(getCaseQuery)).toEqual(view);
  }, 60_000);
});
