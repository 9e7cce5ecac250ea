// Acting for someone else (代办) on real Temporal, real PostgreSQL, the real workers and sandboxes:
// the relation proof asks the departments, and a case whose subject is not its applicant fetches
// the subject's records (and the ledger names her, with the applicant acting for her).
import { randomUUID } from "node:crypto";
import { caseSubjectId, DEMO_CITIZENS } from "@visit-once/prisma";
import { generatePopulation } from "@visit-once/sandboxes";
import {
  caseStartInput,
  caseStartOptions,
  type MinorChildrenResult,
  ORCHESTRATOR_TASK_QUEUE,
  SERVICES,
} from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { fieldCipher } from "@visit-once/workers/env";
import { waitForCase } from "./testing/case-driver";
import { saveHistory, useCaseStack } from "./testing/case-stack";
import { createTestTemporal } from "./testing/temporal-env";

const stack = useCaseStack(createTestTemporal);
const zhou = DEMO_CITIZENS.find((c) => c.email === "zhou@demo.visit-once.local")!;
const wu = DEMO_CITIZENS.find((c) => c.email === "wu@demo.visit-once.local")!;
// The sandboxes' population (the same seed and size they start with).
const population = generatePopulation({ families: 1000 });
const zhouChild = population.births.find((b) => b.motherId === zhou.nationalId && b.childNationalId)!;

async function proveChildren(parentNationalId: string): Promise<MinorChildrenResult> {
  const handle = await stack.env.client.workflow.start("minorChildrenWorkflow", {
    taskQueue: ORCHESTRATOR_TASK_QUEUE,
    workflowId: `minor-children-${randomUUID()}`,
    args: [{ parentNationalId }],
  });
  const result = (await handle.result()) as MinorChildrenResult;
  if (parentNationalId === zhou.nationalId) await saveHistory(stack, "minor-children", handle);
  return result;
}

describe("acting for someone else", () => {
  it("proves a parent's minor children from the household register and the birth certificates", async () => {
    expect(zhouChild.childNationalId).toBeTruthy();
    const proof = await proveChildren(zhou.nationalId);
    expect(proof.householdFound).toBe(true);
    // The school-age child; not the newborn, who has no identity number or household entry yet.
    expect(proof.children).toEqual([
      {
        nationalId: zhouChild.childNationalId,
        fullName: zhouChild.childName,
        birthDate: expect.any(String),
        certificateNo: zhouChild.certificateNo,
      },
    ]);
  }, 60_000);

  it("proves no child where the records show none", async () => {
    const proof = await proveChildren(wu.nationalId);
    expect(proof).toEqual({ householdFound: true, children: [] });
  }, 60_000);

  it("fetches the represented child's records, not the applicant's, and names the child in the ledger", async () => {
    const service = SERVICES["child-medical-insurance"];
    const applicationId = randomUUID();
    const childId = zhouChild.childNationalId!;
    const citizen = await stack.db.user.findUniqueOrThrow({ where: { email: zhou.email } });
    const subjectIndex = fieldCipher().blindIndex(childId);
    await stack.db.application.create({
      data: {
        id: applicationId,
        serviceCode: service.code,
        citizenId: citizen.id,
        consent: service.evidence.map((e) => e.recordType),
        actingBasis: "minor-child",
        subjectIndex,
        subjectName: zhouChild.childName,
      },
    });
    const input = caseStartInput({
      applicationId,
      serviceCode: service.code,
      subjectNationalId: childId,
      consent: service.evidence.map((e) => e.recordType),
    });
    const handle = await stack.env.client.workflow.start("applicationWorkflow", caseStartOptions(input));
    await waitForCase(handle, (v) => v.status === "IN_DEPARTMENTS", 60_000);

    const records = await stack.db.evidenceRecord.findMany({ where: { applicationId } });
    const identity = records.find((r) => r.recordType === "identity")!;
    expect(identity.data).toMatchObject({ fullName: zhouChild.childName });
    expect(JSON.stringify(identity.data)).not.toContain("周敏");
    const household = records.find((r) => r.recordType === "household")!;
    expect((household.data as { members: { fullName: string }[] }).members.map((m) => m.fullName)).toContain(
      zhouChild.childName,
    );

    // Whose data: the child (by the blind index of her number), with her mother acting for her.
    const entries = await stack.db.accessEvent.findMany({ where: { applicationId, action: "department-fetch" } });
    expect(entries.map((e) => e.recordTypes[0]).sort()).toEqual(["household", "identity"]);
    for (const e of entries) {
      expect(e.subjectId).toBe(caseSubjectId({ citizenId: citizen.id, subjectUserId: null, subjectIndex }));
      expect(e.subjectId).not.toBe(citizen.id);
      expect(e.consent).toContain(`user:${citizen.id}, acting for the subject as the parent of a minor`);
      expect(JSON.stringify({ ...e, seq: String(e.seq) })).not.toContain(childId);
    }
    await handle.terminate("test over");
  }, 120_000);
});
