import { randomUUID } from "node:crypto";
import { catalogueEntry, type MinorChildrenResult, ORCHESTRATOR_TASK_QUEUE } from "@visit-once/workflows/contracts";
import { recordAccess } from "../ledger/record-access";
import { temporal } from "../temporal";

/** Why the records are read: to prove whom the parent may apply for. */
const PURPOSE = "Prove which minor children the applicant may apply for (代办)";

/**
 * Asks the departments which minor children the records prove the parent's (the
 * `minorChildrenWorkflow`: Public Security's household register, Health's birth certificates,
 * each through its own worker), and writes both reads on the access ledger as hers. The workflow
 * id is random: it names no one.
 */
export async function findMinorChildren(
  parent: { id: string; nationalId: string },
  requestId: string,
): Promise<MinorChildrenResult> {
  const client = await temporal();
  const result = (await client.workflow.execute("minorChildrenWorkflow", {
    taskQueue: ORCHESTRATOR_TASK_QUEUE,
    workflowId: `minor-children-${randomUUID()}`,
    args: [{ parentNationalId: parent.nationalId }],
    workflowExecutionTimeout: "45 seconds",
  })) as MinorChildrenResult;
  await recordAccess(
    (["household", "birth-certificate"] as const).map((recordType) => ({
      actor: { id: parent.id, role: "CITIZEN", office: null },
      subjectId: parent.id,
      action: "department-fetch" as const,
      department: catalogueEntry(recordType).department,
      recordTypes: [recordType],
      purpose: PURPOSE,
      legalBasis: catalogueEntry(recordType).legalBasis.en,
      consent: "the applicant's request to apply for her child",
      requestId,
      outcome: "delivered",
    })),
  );
  return result;
}
