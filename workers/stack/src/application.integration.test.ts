// Submit → records → department steps → documents, for every service, against real
// PostgreSQL, a real Temporal server, the real workers and the department sandboxes.
import { randomUUID } from "node:crypto";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import { getCaseQuery, type ServiceCode, SERVICES } from "@visit-once/workflows/contracts";
import { openSensitive, testFieldCipher } from "@visit-once/prisma/at-rest";
import { describe, expect, it } from "vitest";
import { approveAll, upholdRefusal, waitForCase } from "./testing/case-driver";
import { saveHistory, setFaults, submit, useCaseStack } from "./testing/case-stack";
import { createTestTemporal } from "./testing/temporal-env";

const stack = useCaseStack(createTestTemporal);
const [mei, lei, hua, zhou, wu] = DEMO_CITIZENS;
const NEWBORN_RECORDS = SERVICES["newborn-registration"].evidence.map((e) => e.recordType);

describe("newborn registration, end to end", () => {
  it("fetches every department's records in parallel with provenance, runs the steps in order and issues the documents", async () => {
    const { applicationId, handle } = await submit(stack, mei.email);
    const outcome = await approveAll(handle);
    expect(outcome).toEqual({ status: "COMPLETED", reasons: [], conflicts: [], missing: [] });
    await saveHistory(stack, "newborn-registration-completed", handle);

    const app = await stack.db.application.findUniqueOrThrow({
      where: { id: applicationId },
      include: { steps: true, records: true, documents: true, events: true },
    });
    expect(app.status).toBe("COMPLETED");
    expect(app.recordsReadyAt).not.toBeNull();
    expect(app.steps.map((s) => [s.key, s.status]).sort()).toEqual(
      [
        ...NEWBORN_RECORDS.map((r) => [`fetch:${r}`, "DONE"]),
        ["review", "DONE"],
        ["household-registration", "DONE"],
        ["medical-insurance-enrolment", "DONE"],
        ["social-security-card", "DONE"],
      ].sort(),
    );
    // The DAG: each step started only after the one before it was decided.
    const step = (key: string) => app.steps.find((s) => s.key === key)!;
    expect(step("medical-insurance-enrolment").startedAt!.getTime()).toBeGreaterThanOrEqual(
      step("household-registration").completedAt!.getTime(),
    );
    expect(step("social-security-card").startedAt!.getTime()).toBeGreaterThanOrEqual(
      step("medical-insurance-enrolment").completedAt!.getTime(),
    );
    expect(step("household-registration")).toMatchObject({
      kind: "DEPARTMENT",
      departmentCode: "public-security",
      decidedById: "officer-under-test",
    });
    expect(step("household-registration").dueAt!.getTime()).toBeGreaterThan(
      step("household-registration").startedAt!.getTime(),
    );

    expect(app.documents.map((d) => d.key).sort()).toEqual(["household-page", "insurance-certificate"]);
    for (const d of app.documents) expect(d.verificationCode).toMatch(/^VO(-[0-9A-HJKMNP-TV-Z]{4}){6}$/);
    expect(app.events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(["in-departments", "step-started", "step-approve", "document-issued", "case-completed"]),
    );

    expect(app.records).toHaveLength(NEWBORN_RECORDS.length);
    // Stored sealed (identity numbers): opened here to compare.
    const byType = Object.fromEntries(
      app.records.map((r) => [r.recordType, { ...r, data: openSensitive(r.data, testFieldCipher()) }]),
    );
    expect(byType.identity).toMatchObject({
      departmentCode: "public-security",
      data: {
        nationalId: mei.nationalId,
        fullName: "王美",
        sex: "F",
        birthDate: "1992-03-15",
        householdRegion: "330102",
      },
    });
    expect(byType["birth-certificate"]).toMatchObject({
      departmentCode: "health",
      data: { motherNationalId: mei.nationalId },
    });
    expect(byType.marriage).toMatchObject({ departmentCode: "civil-affairs", data: { status: "married" } });
    expect(byType.household).toMatchObject({
      departmentCode: "public-security",
      data: {
        members: expect.arrayContaining([{ nationalId: mei.nationalId, fullName: "王美", relationToHead: "spouse" }]),
      },
    });
    expect(byType["medical-insurance"]).toMatchObject({
      departmentCode: "medical-security",
      data: { nationalId: mei.nationalId, fullName: "王美" },
    });
    // Fetched in parallel: every department was asked before the first one answered.
    const started = app.steps.filter((s) => s.key.startsWith("fetch:")).map((s) => s.startedAt!.getTime());
    const firstDone = Math.min(...app.records.map((r) => r.retrievedAt.getTime()));
    expect(Math.max(...started)).toBeLessThanOrEqual(firstDone);
    for (const r of app.records) expect(r.rawSha256).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);

  it("a second submit of the same application joins the same case instead of opening another", async () => {
    const applicationId = randomUUID();
    const first = await submit(stack, lei.email, { applicationId });
    const second = await submit(stack, lei.email, { applicationId });
    expect(second.handle.firstExecutionRunId).toBe(first.handle.firstExecutionRunId);
    expect((await approveAll(first.handle)).status).toBe("COMPLETED");
    expect(await stack.db.application.count({ where: { id: applicationId } })).toBe(1);
  }, 60_000);
});

describe("every published service completes from its definition alone", () => {
  const cases: [ServiceCode, (typeof DEMO_CITIZENS)[number]][] = [
    ["business-startup", mei],
    ["property-transfer", wu],
    ["school-enrolment", zhou],
    ["retirement", wu],
  ];
  it.each(cases)(
    "%s",
    async (serviceCode, citizen) => {
      const service = SERVICES[serviceCode];
      const { applicationId, handle } = await submit(stack, citizen.email, { serviceCode });
      // Steps with no predecessor are offered together.
      const first = await waitForCase(handle, (v) => v.tasks.some((t) => t.status === "AWAITING_DECISION"));
      expect(
        first.tasks
          .filter((t) => t.status === "AWAITING_DECISION")
          .map((t) => t.key)
          .sort(),
      ).toEqual(
        service.steps
          .filter((s) => s.after.length === 0)
          .map((s) => s.key)
          .sort(),
      );
      const outcome = await approveAll(handle);
      expect(outcome).toMatchObject({ status: "COMPLETED", reasons: [] });
      await saveHistory(stack, `${serviceCode}-completed`, handle);
      const app = await stack.db.application.findUniqueOrThrow({
        where: { id: applicationId },
        include: { documents: true, steps: true },
      });
      expect(app.documents.map((d) => d.key).sort()).toEqual(service.outcomes.map((o) => o.key).sort());
      expect(app.steps.filter((s) => s.kind === "DEPARTMENT").every((s) => s.status === "DONE")).toBe(true);
    },
    60_000,
  );

  it("a record the department rightly does not hold is a fact, not an exception", async () => {
    const { applicationId, handle } = await submit(stack, mei.email, { serviceCode: "business-startup" });
    await approveAll(handle);
    const step = await stack.db.applicationStep.findUniqueOrThrow({
      where: { applicationId_key: { applicationId, key: "fetch:business-registration" } },
    });
    expect(step).toMatchObject({ status: "DONE", detail: "None on record." });
    expect(await stack.db.caseException.count({ where: { applicationId } })).toBe(0);
  }, 60_000);

  it("rejects with the rule's reason when the records do not meet the eligibility rules", async () => {
    const { applicationId, handle } = await submit(stack, mei.email, { serviceCode: "retirement" });
    // The refusal is offered for review (复核); reviewed and upheld, the case closes with the rules' reasons and the review's.
    const outcome = await upholdRefusal(handle, "The age is as recorded.");
    expect(outcome).toMatchObject({
      status: "REJECTED",
      reasons: [
        "A pension needs at least 15 years of contributions.",
        "Upheld on review: The age is as recorded.",
        "You have not reached the retirement age yet.",
      ],
    });
    const app = await stack.db.application.findUniqueOrThrow({
      where: { id: applicationId },
      include: { records: true, steps: true },
    });
    expect(app.reasons).toHaveLength(3);
    expect(app.records.map((r) => r.recordType).sort()).toEqual(["identity", "medical-insurance", "social-insurance"]);
    // No department step ever started.
    expect(app.steps.filter((s) => s.kind === "DEPARTMENT").map((s) => s.status)).toEqual(["CANCELLED", "CANCELLED"]);
  }, 60_000);

  it("a mortgaged flat cannot be transferred", async () => {
    const { handle } = await submit(stack, lei.email, { serviceCode: "property-transfer" });
    expect(await upholdRefusal(handle, "The mortgage is registered.")).toMatchObject({
      status: "REJECTED",
      reasons: [
        "The property is mortgaged: the mortgage must be released first.",
        "Upheld on review: The mortgage is registered.",
      ],
    });
  }, 60_000);
});

describe("departments that fail", () => {
  it("hands a fetch to a caseworker when an outage outlasts the retry budget; asking again later completes the case", async () => {
    await setFaults(stack, "civil-affairs", { outageUntil: new Date(Date.now() + 600_000).toISOString() });
    try {
      const { applicationId, handle } = await submit(stack, mei.email, {
        fetchPolicy: { retryBudgetSeconds: 2, waitSeconds: 1, rounds: 2 },
      });
      const view = await waitForCase(handle, (v) => v.status === "AWAITING_CASEWORKER");
      expect(view.exceptions).toEqual([
        expect.objectContaining({
          kind: "DEPARTMENT_UNAVAILABLE",
          departmentCode: "civil-affairs",
          recordType: "marriage",
          summary: "The Civil Affairs Bureau system did not answer after 2 attempts over time.",
        }),
      ]);
      const step = await stack.db.applicationStep.findUniqueOrThrow({
        where: { applicationId_key: { applicationId, key: "fetch:marriage" } },
      });
      expect(step.status).toBe("FAILED");
      expect((await stack.db.application.findUniqueOrThrow({ where: { id: applicationId } })).status).toBe(
        "AWAITING_CASEWORKER",
      );

      await setFaults(stack, "civil-affairs", {});
      const { caseUpdates } = await import("@visit-once/workflows/contracts");
      await handle.executeUpdate(caseUpdates.resolve, {
        args: [
          {
            requestId: randomUUID(),
            actorId: "caseworker",
            exceptionId: view.exceptions[0]!.id,
            resolution: { kind: "refetch" },
          },
        ],
      });
      expect((await approveAll(handle)).status).toBe("COMPLETED");
      const refetched = await stack.db.applicationStep.findUniqueOrThrow({
        where: { applicationId_key: { applicationId, key: "fetch:marriage" } },
      });
      expect(refetched.status).toBe("DONE");
    } finally {
      await setFaults(stack, "civil-affairs", {});
    }
  }, 60_000);

  it("waits for a department that comes back, and goes on", async () => {
    await setFaults(stack, "civil-affairs", { outageUntil: new Date(Date.now() + 3_000).toISOString() });
    try {
      const { handle } = await submit(stack, lei.email, {
        fetchPolicy: { retryBudgetSeconds: 1, waitSeconds: 2, rounds: 5 },
      });
      expect((await approveAll(handle)).status).toBe("COMPLETED");
    } finally {
      await setFaults(stack, "civil-affairs", {});
    }
  }, 60_000);

  it("rides out a flaky department: failed requests are retried until the case goes on", async () => {
    await setFaults(stack, "health", { errorRate: 0.3 });
    try {
      const runs = await Promise.all([submit(stack, mei.email), submit(stack, lei.email), submit(stack, mei.email)]);
      const views = await Promise.all(runs.map((r) => waitForCase(r.handle, (v) => v.status === "IN_DEPARTMENTS")));
      expect(views.map((v) => v.exceptions)).toEqual([[], [], []]);
      expect((await Promise.all(runs.map((r) => approveAll(r.handle)))).map((o) => o.status)).toEqual([
        "COMPLETED",
        "COMPLETED",
        "COMPLETED",
      ]);
    } finally {
      await setFaults(stack, "health", {});
    }
  }, 90_000);

  it("fetches only what the citizen consented to", async () => {
    const { applicationId, handle } = await submit(stack, lei.email, {
      consent: NEWBORN_RECORDS.filter((r) => r !== "marriage"),
    });
    const view = await waitForCase(handle, (v) => v.status === "AWAITING_CASEWORKER");
    expect(view.exceptions).toEqual([
      expect.objectContaining({
        kind: "NO_CONSENT",
        recordType: "marriage",
        summary: "The citizen did not consent to sharing the marriage record.",
      }),
    ]);
    const app = await stack.db.application.findUniqueOrThrow({
      where: { id: applicationId },
      include: { records: true, steps: true },
    });
    expect(app.records.map((r) => r.recordType)).not.toContain("marriage");
    expect(app.steps.map((s) => s.key)).not.toContain("fetch:marriage");
    expect((await handle.query(getCaseQuery)).status).toBe("AWAITING_CASEWORKER");
  }, 60_000);
});

void hua;
