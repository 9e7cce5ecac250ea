// Correction at the source, on the real stack: a citizen's dispute or a caseworker's ruling
// opens a correction task at the department that holds the record; the department's officer
// corrects it in the department's own system (the sandbox's correction endpoint) or refuses it
// with a reason; a corrected record is fetched again and the case goes on.
import { randomUUID } from "node:crypto";
import type { WorkflowHandle } from "@temporalio/client";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import { openSensitive } from "@visit-once/prisma/at-rest";
import {
  type AnswerCorrectionArgs,
  type CaseView,
  caseUpdates,
  type Resolution,
} from "@visit-once/workflows/contracts";
import { fieldCipher } from "@visit-once/workers/env";
import { describe, expect, it } from "vitest";
import { approveAll, refusal, refusalCode, waitForCase } from "./testing/case-driver";
import { saveHistory, submit, useCaseStack } from "./testing/case-stack";
import { createTestTemporal } from "./testing/temporal-env";

const stack = useCaseStack(createTestTemporal);
const [mei, , , zhou] = DEMO_CITIZENS;

const answer = (
  handle: WorkflowHandle,
  a: Omit<AnswerCorrectionArgs, "requestId" | "actorId" | "office"> & { office: AnswerCorrectionArgs["office"] },
  actorId = "officer-under-test",
) => handle.executeUpdate(caseUpdates.correct, { args: [{ requestId: randomUUID(), actorId, ...a }] });
const dispute = (handle: WorkflowHandle, recordType: "birth-certificate" | "household", explanation: string) =>
  handle.executeUpdate(caseUpdates.dispute, {
    args: [{ requestId: randomUUID(), actorId: "citizen-under-test", recordType, explanation }],
  });
const resolve = (handle: WorkflowHandle, exceptionId: string, resolution: Resolution) =>
  handle.executeUpdate(caseUpdates.resolve, {
    args: [{ requestId: randomUUID(), actorId: "caseworker-under-test", exceptionId, resolution }],
  });
const openCorrection = (v: CaseView) => v.corrections?.find((c) => c.status === "OPEN");
const storedRecord = async (applicationId: string, recordType: string) =>
  openSensitive(
    (await stack.db.evidenceRecord.findFirstOrThrow({ where: { applicationId, recordType } })).data,
    fieldCipher(),
  ) as Record<string, unknown>;

describe("a citizen disputes a record", () => {
  it("the holding department corrects it at the source; the case fetches it again and goes on", async () => {
    const { applicationId, handle } = await submit(stack, mei.email);
    await waitForCase(handle, (v) => v.status === "IN_DEPARTMENTS");
    const before = await storedRecord(applicationId, "birth-certificate");
    await dispute(handle, "birth-certificate", "出生地点应为杭州市妇产科医院（钱江院区）。");

    const opened = await waitForCase(handle, (v) => openCorrection(v) !== undefined);
    const correction = openCorrection(opened)!;
    expect(correction).toMatchObject({
      department: "health",
      recordType: "birth-certificate",
      explanation: "出生地点应为杭州市妇产科医院（钱江院区）。",
    });
    expect(opened.exceptions.find((x) => x.id === correction.exceptionId)).toMatchObject({
      kind: "CITIZEN_DISPUTE",
      status: "AT_DEPARTMENT",
      blocking: false,
    });
    const row = await stack.db.correction.findUniqueOrThrow({ where: { id: correction.id } });
    expect(row).toMatchObject({
      applicationId,
      departmentCode: "health",
      recordType: "birth-certificate",
      status: "OPEN",
    });
    // The deadline is working days ahead, after the opening.
    expect(row.dueAt.getTime()).toBeGreaterThan(row.openedAt.getTime() + 4 * 86_400_000);

    // Only the holding department answers, with values its record can take.
    expect(
      await refusalCode(
        answer(handle, {
          correctionId: correction.id,
          office: "public-security",
          answer: { kind: "correct", fields: [{ field: "birthPlace", value: "x" }], note: "" },
        }),
      ),
    ).toEqual({ code: "no-such-correction", params: {} });
    expect(
      (
        await refusalCode(
          answer(handle, {
            correctionId: correction.id,
            office: "health",
            answer: { kind: "correct", fields: [{ field: "motherNationalId", value: "x" }], note: "" },
          }),
        )
      ).code,
    ).toBe("correction-invalid");
    expect(
      await refusal(
        answer(handle, { correctionId: correction.id, office: "health", answer: { kind: "refuse", reason: " " } }),
      ),
    ).toBe("Say why the department refuses the correction.");

    const place = "杭州市妇产科医院（钱江院区）";
    await answer(handle, {
      correctionId: correction.id,
      office: "health",
      answer: {
        kind: "correct",
        fields: [{ field: "birthPlace", value: place }],
        note: "Checked against the delivery register.",
      },
    });
    const settled = await waitForCase(
      handle,
      (v) => v.exceptions.find((x) => x.id === correction.exceptionId)?.status === "RESOLVED",
    );
    expect(settled.corrections).toEqual([
      expect.objectContaining({
        id: correction.id,
        status: "CORRECTED",
        fields: [{ field: "birthPlace", value: place }],
        answeredById: "officer-under-test",
      }),
    ]);
    // The record fetched again from the department says the corrected value.
    expect(await storedRecord(applicationId, "birth-certificate")).toEqual({ ...before, birthPlace: place });
    expect(await stack.db.correction.findUniqueOrThrow({ where: { id: correction.id } })).toMatchObject({
      status: "CORRECTED",
      closedAt: expect.any(Date),
    });
    expect(
      await refusalCode(
        answer(handle, { correctionId: correction.id, office: "health", answer: { kind: "refuse", reason: "late" } }),
      ),
    ).toEqual({ code: "correction-not-open", params: { status: "CORRECTED" } });

    const events = await stack.db.caseEvent.findMany({ where: { applicationId }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(["record-disputed", "correction-requested", "record-corrected", "exception-refetched"]),
    );
    expect(events.find((e) => e.kind === "record-corrected")!.words).toEqual({
      kind: "record-corrected",
      department: "health",
      recordType: "birth-certificate",
      fields: [{ field: "birthPlace", value: place }],
    });

    expect((await approveAll(handle)).status).toBe("COMPLETED");
    await saveHistory(stack, "newborn-registration-corrected-at-source", handle);
  }, 90_000);

  it("a department that refuses says why, and the dispute goes back to a caseworker", async () => {
    const { applicationId, handle } = await submit(stack, zhou.email);
    await waitForCase(
      handle,
      (v) => v.status === "AWAITING_CASEWORKER" && v.exceptions.some((x) => x.status === "OPEN"),
    );
    await dispute(handle, "household", "My address moved in 2025.");
    const opened = await waitForCase(handle, (v) => openCorrection(v) !== undefined);
    const correction = openCorrection(opened)!;
    expect(correction).toMatchObject({ department: "public-security", recordType: "household" });
    // While the department has it, it is not the caseworker's to resolve.
    expect(
      (await refusalCode(resolve(handle, correction.exceptionId, { kind: "accept", justification: "x" }))).code,
    ).toBe("exception-not-open");

    await answer(handle, {
      correctionId: correction.id,
      office: "public-security",
      answer: { kind: "refuse", reason: "No move was ever registered with us." },
    });
    const back = await waitForCase(
      handle,
      (v) => v.exceptions.find((x) => x.id === correction.exceptionId)?.status === "OPEN",
    );
    expect(back.corrections).toEqual([
      expect.objectContaining({ status: "REFUSED", reason: "No move was ever registered with us." }),
    ]);
    expect(back.status).toBe("AWAITING_CASEWORKER");
    const refusedEvent = await stack.db.caseEvent.findFirstOrThrow({
      where: { applicationId, kind: "correction-refused" },
    });
    expect(refusedEvent.words).toEqual({
      kind: "correction-refused",
      department: "public-security",
      recordType: "household",
      reason: "No move was ever registered with us.",
    });

    for (const x of back.exceptions) {
      await resolve(
        handle,
        x.id,
        x.kind === "CONFLICT"
          ? { kind: "choose-value", value: "周敏", justification: "ID card" }
          : { kind: "accept", justification: "The register is right." },
      );
    }
    expect((await approveAll(handle)).status).toBe("COMPLETED");
  }, 90_000);
});

describe("a caseworker rules a department's value wrong", () => {
  it("asks that department to correct it; once corrected the conflict is settled and the case goes to the departments", async () => {
    const { applicationId, handle } = await submit(stack, zhou.email);
    const view = await waitForCase(
      handle,
      (v) => v.status === "AWAITING_CASEWORKER" && v.exceptions.some((x) => x.status === "OPEN"),
    );
    const conflict = view.exceptions.find((x) => x.kind === "CONFLICT")!;
    expect(await refusal(resolve(handle, conflict.id, { kind: "ask-department", note: "x", value: "周小敏" }))).toBe(
      "Choose the value a department holds that is wrong.",
    );
    await resolve(handle, conflict.id, {
      kind: "ask-department",
      note: "The identity card reads 周敏; please correct the name.",
      value: "周民",
    });

    const opened = await waitForCase(handle, (v) => openCorrection(v) !== undefined);
    const correction = openCorrection(opened)!;
    expect(correction).toMatchObject({
      department: "medical-security",
      recordType: "medical-insurance",
      disputedValue: "周民",
      explanation: "The identity card reads 周敏; please correct the name.",
    });
    expect(opened.status).toBe("AWAITING_CASEWORKER");

    await answer(
      handle,
      {
        correctionId: correction.id,
        office: "medical-security",
        answer: { kind: "correct", fields: [{ field: "fullName", value: "周敏" }], note: "" },
      },
      "officer-medical",
    );
    const moved = await waitForCase(handle, (v) => v.status === "IN_DEPARTMENTS");
    expect(moved.exceptions.find((x) => x.id === conflict.id)).toMatchObject({ status: "RESOLVED" });
    expect((await storedRecord(applicationId, "medical-insurance")).fullName).toBe("周敏");
    expect((await approveAll(handle)).status).toBe("COMPLETED");
  }, 90_000);
});
