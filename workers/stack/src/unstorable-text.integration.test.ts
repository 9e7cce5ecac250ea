// Text a case cannot store must never wedge it: refused at the workflow's door when people
// send it, and, when a department sends it, stored cleaned with a caseworker told — the
// page agreeing with the workflow throughout, as the reconciliation confirms.
import { randomUUID } from "node:crypto";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import { caseUpdates } from "@visit-once/workflows/contracts";
import { afterEach, describe, expect, it } from "vitest";
import { reconcileCases } from "@visit-once/workers/reconcile/reconcile-cases";
import { refusalCode, waitForCase } from "./testing/case-driver";
import { result, setFaults, submit, useCaseStack } from "./testing/case-stack";
import { createTestTemporal } from "./testing/temporal-env";

const stack = useCaseStack(createTestTemporal);
const [mei, lei] = DEMO_CITIZENS;
const reconcile = () => reconcileCases(stack.db, stack.env.client, { settleMs: 500 });

describe("text people send", () => {
  it("a cancellation or dispute with NUL or a lone surrogate is refused and changes nothing; the case goes on", async () => {
    const { applicationId, handle } = await submit(stack, lei!.email);
    const ready = await waitForCase(handle, (v) => v.status === "IN_DEPARTMENTS");
    for (const reason of ["bye\u0000now", "bye\ud800now", "x".repeat(1001)]) {
      const refused = await refusalCode(
        handle.executeUpdate(caseUpdates.cancel, { args: [{ requestId: randomUUID(), actorId: "lei", reason }] }),
      );
      expect(refused.code).toBe("text-invalid");
    }
    const huge = "x".repeat(1024 * 1024);
    expect(
      (
        await refusalCode(
          handle.executeUpdate(caseUpdates.dispute, {
            args: [{ requestId: randomUUID(), actorId: "lei", recordType: huge as never, explanation: "wrong" }],
          }),
        )
      ).code,
    ).toBe("text-invalid");
    expect(
      (
        await refusalCode(
          handle.executeUpdate(caseUpdates.dispute, {
            args: [{ requestId: randomUUID(), actorId: "lei", recordType: "identity", explanation: "a\u0000b" }],
          }),
        )
      ).code,
    ).toBe("text-invalid");

    const after = await waitForCase(handle, () => true);
    expect(after.status).toBe(ready.status);
    expect(after.exceptions).toEqual(ready.exceptions);
    expect((await stack.db.application.findUniqueOrThrow({ where: { id: applicationId } })).status).toBe(
      "IN_DEPARTMENTS",
    );

    await handle.executeUpdate(caseUpdates.cancel, {
      args: [{ requestId: randomUUID(), actorId: "lei", reason: "  No longer needed.  " }],
    });
    expect(await result(handle)).toMatchObject({ status: "CANCELLED" });
    await expect
      .poll(async () => (await stack.db.application.findUniqueOrThrow({ where: { id: applicationId } })).status)
      .toBe("CANCELLED");
  }, 90_000);
});

describe("text a department sends", () => {
  afterEach(() => setFaults(stack, "public-security", {}));

  it("is stored without the characters the database cannot hold; a caseworker is told and the case goes on", async () => {
    await setFaults(stack, "public-security", { corruptText: true });
    const { applicationId, handle } = await submit(stack, mei!.email);
    // The broken name now disagrees with the other departments' records: a conflict, and the unstorable data, for a caseworker.
    const view = await waitForCase(
      handle,
      (v) => v.status === "AWAITING_CASEWORKER" && v.exceptions.some((x) => x.kind === "UNSTORABLE_DATA"),
      60_000,
    );
    expect(view.exceptions.find((x) => x.kind === "UNSTORABLE_DATA")).toMatchObject({
      status: "OPEN",
      blocking: false,
    });

    await expect
      .poll(async () => (await stack.db.application.findUniqueOrThrow({ where: { id: applicationId } })).status, {
        timeout: 10_000,
      })
      .toBe("AWAITING_CASEWORKER");
    const identity = await stack.db.evidenceRecord.findUniqueOrThrow({
      where: { applicationId_recordType: { applicationId, recordType: "identity" } },
    });
    expect(JSON.stringify(identity.data)).toContain("\ufffd");
    const rows = await stack.db.caseException.findMany({
      where: { applicationId },
      select: { kind: true, status: true },
    });
    expect(rows).toEqual(
      expect.arrayContaining([
        { kind: "UNSTORABLE_DATA", status: "OPEN" },
        { kind: "CONFLICT", status: "OPEN" },
      ]),
    );

    const { disagreements } = await reconcile();
    expect(disagreements.filter((d) => d.applicationId === applicationId)).toEqual([]);
    await handle.executeUpdate(caseUpdates.cancel, { args: [{ requestId: randomUUID(), actorId: "mei", reason: "" }] });
    expect(await result(handle)).toMatchObject({ status: "CANCELLED" });
  }, 90_000);
});

describe("reconciliation", () => {
  it("names a case whose page disagrees with its workflow, and only that case", async () => {
    const { applicationId, handle } = await submit(stack, lei!.email);
    await waitForCase(
      handle,
      (v) => v.status === "IN_DEPARTMENTS" && v.tasks.some((t) => t.status === "AWAITING_DECISION"),
    );
    await expect
      .poll(async () => (await reconcile()).disagreements.filter((d) => d.applicationId === applicationId))
      .toEqual([]);

    // A projection that fell behind (as when a write was lost): status and a step.
    const step = await stack.db.applicationStep.findFirstOrThrow({
      where: { applicationId, kind: "DEPARTMENT", status: "AWAITING_DECISION" },
    });
    await stack.db.application.update({ where: { id: applicationId }, data: { status: "AWAITING_CASEWORKER" } });
    await stack.db.applicationStep.update({
      where: { applicationId_key: { applicationId, key: step.key } },
      data: { status: "PENDING" },
    });
    const { disagreements } = await reconcile();
    expect(disagreements.filter((d) => d.applicationId === applicationId)).toEqual([
      { applicationId, what: "status", workflow: "IN_DEPARTMENTS", projection: "AWAITING_CASEWORKER" },
      { applicationId, what: `step ${step.key}`, workflow: "AWAITING_DECISION", projection: "PENDING" },
    ]);

    // An application whose workflow never started is named too.
    const orphan = randomUUID();
    const citizen = await stack.db.user.findUniqueOrThrow({ where: { email: lei!.email } });
    await stack.db.application.create({
      data: { id: orphan, serviceCode: "newborn-registration", citizenId: citizen.id, consent: [] },
    });
    expect((await reconcile()).disagreements).toContainEqual({
      applicationId: orphan,
      what: "workflow",
      workflow: "none",
      projection: "SUBMITTED",
    });

    await handle.executeUpdate(caseUpdates.cancel, { args: [{ requestId: randomUUID(), actorId: "lei", reason: "" }] });
    await stack.db.application.delete({ where: { id: orphan } });
  }, 90_000);
});
