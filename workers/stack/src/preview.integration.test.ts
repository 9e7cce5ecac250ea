// The preview (issue 13, item 5): the case waits for the citizen to look at the values
// retrieved for her before anything reaches an office; she confirms, or withdraws her consent
// for a record the service can do without. On the real stack (Temporal dev server, PostgreSQL,
// sandboxes, workers).
import { randomUUID } from "node:crypto";
import type { WorkflowHandle } from "@temporalio/client";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import { type CaseView, caseEventWordsSchema, caseUpdates, stepDetailSchema } from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { approveAll, confirmPreview, refusalCode, waitForCase } from "./testing/case-driver";
import { saveHistory, submit, useCaseStack } from "./testing/case-stack";
import { createTestTemporal } from "./testing/temporal-env";

const stack = useCaseStack(createTestTemporal);
const [mei, lei] = DEMO_CITIZENS;

const atPreview = (handle: WorkflowHandle) =>
  waitForCase(handle, (v) => v.status === "AWAITING_CONFIRMATION", 60_000, 100, { leavePreview: true });
const withdraw = (handle: WorkflowHandle, recordType: string) => {
  const requestId = randomUUID();
  return handle.executeUpdate(caseUpdates.withdraw, {
    updateId: requestId,
    args: [{ requestId, actorId: "citizen-under-test", recordType: recordType as never }],
  });
};
const eventKinds = async (applicationId: string) =>
  (await stack.db.caseEvent.findMany({ where: { applicationId }, orderBy: { at: "asc" } })).map(
    (e) => caseEventWordsSchema.parse(e.words).kind,
  );

describe("the preview", () => {
  it("holds a clean case until the citizen confirms; then it goes to the offices", async () => {
    const { applicationId, handle } = await submit(stack, mei.email, { leavePreview: true });
    const view = await atPreview(handle);
    expect(view.tasks).toEqual([]);
    // The workflow's view changes before its projection write lands (setStatus, then the
    // activity), so the row is read once it says so, as the case page would a moment later.
    await expect
      .poll(async () => (await stack.db.application.findUniqueOrThrow({ where: { id: applicationId } })).status, {
        timeout: 10_000,
      })
      .toBe("AWAITING_CONFIRMATION");
    const app = await stack.db.application.findUniqueOrThrow({
      where: { id: applicationId },
      include: { records: true },
    });
    // Every retrieved record is there to be seen, with its source.
    expect(app.records.map((r) => r.recordType).sort()).toEqual([
      "birth-certificate",
      "household",
      "identity",
      "marriage",
      "medical-insurance",
    ]);
    for (const r of app.records)
      expect(r).toMatchObject({
        departmentCode: expect.any(String),
        sourceRecordId: expect.any(String),
        retrievedAt: expect.any(Date),
      });
    const ready = await stack.db.caseEvent.findFirstOrThrow({ where: { applicationId, kind: "preview-ready" } });
    expect(caseEventWordsSchema.parse(ready.words)).toEqual({
      kind: "preview-ready",
      dueDay: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    // The citizen is told to look (in-app and email).
    await expect
      .poll(
        async () =>
          (await stack.db.notification.findMany({ where: { applicationId, kind: "preview-ready" } }))
            .map((n) => n.channel)
            .sort(),
        { timeout: 20_000 },
      )
      .toEqual(["EMAIL", "IN_APP"]);

    await confirmPreview(handle);
    const after = await waitForCase(handle, (v) => v.status === "IN_DEPARTMENTS", 60_000);
    expect(after.tasks.map((t) => t.key)).toContain("household-registration");
    // A withdrawal after the confirmation is refused: the preview is over.
    expect((await refusalCode(withdraw(handle, "marriage"))).code).toBe("case-not-taking");
    expect((await approveAll(handle)).status).toBe("COMPLETED");
    expect(await eventKinds(applicationId)).toEqual(expect.arrayContaining(["preview-ready", "preview-confirmed"]));
    await saveHistory(stack, "newborn-registration-preview-confirmed", handle);
  }, 120_000);

  it("withdrawing consent for an optional record removes its values from the case: no step ever sees them", async () => {
    // Consent stored as the web's submit stores it (with the typed fields): the withdrawal is noted beside it.
    const { applicationId, handle } = await submit(stack, lei.email, {
      leavePreview: true,
      fields: { babyName: "李小宝" },
    });
    await atPreview(handle);
    expect(await withdraw(handle, "marriage")).toEqual({ status: "AWAITING_CONFIRMATION" });
    const view: CaseView = await atPreview(handle);
    expect(view.withdrawn).toEqual(["marriage"]);
    expect(
      await stack.db.evidenceRecord.findUnique({
        where: { applicationId_recordType: { applicationId, recordType: "marriage" } },
      }),
    ).toBeNull();
    const step = await stack.db.applicationStep.findUniqueOrThrow({
      where: { applicationId_key: { applicationId, key: "fetch:marriage" } },
    });
    expect(step.status).toBe("DONE");
    expect(stepDetailSchema.parse(step.detailWords)).toEqual({ kind: "consent-withdrawn" });
    const app = await stack.db.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(app.consent).toMatchObject({ withdrawn: [{ recordType: "marriage", withdrawnAt: expect.any(String) }] });
    // Withdrawing it again is refused: there is nothing left to withdraw.
    expect(await refusalCode(withdraw(handle, "marriage"))).toEqual({
      code: "no-record-to-withdraw",
      params: { recordType: "marriage" },
    });

    await confirmPreview(handle);
    await waitForCase(
      handle,
      (v) => v.tasks.some((t) => t.key === "household-registration" && t.status === "AWAITING_DECISION"),
      60_000,
    );
    // The household office's step (granted marriage fields) finds none: the record is gone from the projection it reads.
    expect(
      (await stack.db.evidenceRecord.findMany({ where: { applicationId } })).map((r) => r.recordType).sort(),
    ).toEqual(["birth-certificate", "household", "identity", "medical-insurance"]);
    expect(await stack.db.caseException.count({ where: { applicationId } })).toBe(0);
    expect((await approveAll(handle)).status).toBe("COMPLETED");
    expect(await stack.db.evidenceRecord.count({ where: { applicationId, recordType: "marriage" } })).toBe(0);
    expect(await eventKinds(applicationId)).toEqual(
      expect.arrayContaining(["preview-ready", "consent-withdrawn", "preview-confirmed"]),
    );
    await saveHistory(stack, "newborn-registration-preview-withdrawn", handle);
  }, 120_000);

  it("withdrawing consent for a record the service needs is refused and changes nothing", async () => {
    const { applicationId, handle } = await submit(stack, mei.email, { leavePreview: true });
    await atPreview(handle);
    expect(await refusalCode(withdraw(handle, "birth-certificate"))).toEqual({
      code: "record-required",
      params: { recordType: "birth-certificate" },
    });
    expect(await refusalCode(withdraw(handle, "property"))).toEqual({
      code: "no-record-to-withdraw",
      params: { recordType: "property" },
    });
    expect(await stack.db.evidenceRecord.count({ where: { applicationId } })).toBe(5);
    const view = await atPreview(handle);
    expect(view.withdrawn).toBeUndefined();
    await confirmPreview(handle);
    expect((await approveAll(handle)).status).toBe("COMPLETED");
  }, 120_000);
});
