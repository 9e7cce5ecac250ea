import type { Db } from "@visit-once/prisma";
import { type FieldCipher, sealSensitive } from "@visit-once/prisma/at-rest";
import {
  type ApplicationWorkflowInput,
  applicationWorkflowId,
  ORCHESTRATOR_TASK_QUEUE,
  SERVICES,
  submitApplicationSchema,
} from "@visit-once/workflows/contracts";
import { checkCitizenFields } from "@/lib/citizen-fields";
import { checkConsent } from "@/lib/consent";
import { describeZodError } from "@/lib/validation";
import { fieldCipher } from "@/env";
import { db as defaultDb } from "../db";
import { temporal } from "../temporal";

export type SubmitResult =
  | { kind: "created" | "existing"; applicationId: string }
  | { kind: "invalid"; message: string; code: SubmitProblem }
  | { kind: "not-found" }
  | { kind: "not-started"; applicationId: string };

/**
 * Why a submission was refused, for the form to say what to do next: "invalid" answers
 * (go back and check), no national id on file (nothing the form can fix), or an id already
 * used for another service (start again from a fresh form).
 */
export type SubmitProblem = "invalid" | "no-national-id" | "id-used-for-another-service";

/** Every `code` POST /api/applications answers a refusal with (the wizard maps them to its messages). */
export type SubmitErrorCode = SubmitProblem | "not-found" | "not-started";

export interface SubmitDeps {
  db: Db;
  startWorkflow(input: ApplicationWorkflowInput): Promise<void>;
  /** Seals the typed identity numbers and bank accounts and opens the citizen's own number; the configured one by default. */
  cipher?: FieldCipher;
}

async function startApplicationWorkflow(input: ApplicationWorkflowInput): Promise<void> {
  const client = await temporal();
  try {
    await client.workflow.start("applicationWorkflow", {
      workflowId: applicationWorkflowId(input.applicationId),
      taskQueue: ORCHESTRATOR_TASK_QUEUE,
      workflowIdConflictPolicy: "USE_EXISTING",
      // A case that already finished is not run again when its form is resubmitted.
      workflowIdReusePolicy: "REJECT_DUPLICATE",
      args: [input],
    });
  } catch (err) {
    if ((err as Error).name === "WorkflowExecutionAlreadyStartedError") return;
    throw err;
  }
}

const defaultDeps = (): SubmitDeps => ({ db: defaultDb(), startWorkflow: startApplicationWorkflow });

/**
 * Records a citizen's application and starts its case. Idempotent on the application id:
 * resubmitting the same id changes nothing and starts no second case.
 */
export async function submitApplication(
  citizenId: string,
  body: unknown,
  deps: SubmitDeps = defaultDeps(),
): Promise<SubmitResult> {
  const parsed = submitApplicationSchema.safeParse(body);
  if (!parsed.success) return { kind: "invalid", code: "invalid", message: describeZodError(parsed.error) };
  const { applicationId, serviceCode, consent } = parsed.data;
  const service = SERVICES[serviceCode];
  const consentProblem = checkConsent(
    service.evidence.map((e) => e.recordType),
    consent,
  );
  if (consentProblem) return { kind: "invalid", code: "invalid", message: consentProblem };
  // The fields travel beside the contract's body (which strips unknown keys), checked against the service's own list.
  const fields = checkCitizenFields(service.citizenFields, (body as { fields?: unknown }).fields);
  if (!fields.ok) {
    const problems = Object.entries(fields.problems).map(([name, problem]) => `fields.${name}: ${problem === "required" ? "this is required" : "this value is not valid"}`);
    return { kind: "invalid", code: "invalid", message: problems.join("; ") };
  }

  const citizen = await deps.db.user.findUnique({
    where: { id: citizenId },
    select: { id: true, role: true, nationalId: true },
  });
  if (!citizen || citizen.role !== "CITIZEN") return { kind: "not-found" };
  if (!citizen.nationalId) {
    return { kind: "invalid", code: "no-national-id", message: "Your account has no national identity number on file, so records cannot be requested." };
  }
  const cipher = deps.cipher ?? fieldCipher();

  const inserted = await deps.db.application.createMany({
    data: [
      {
        id: applicationId,
        serviceCode,
        citizenId: citizen.id,
        status: "SUBMITTED",
        consent: {
          serviceVersion: service.version,
          consentedAt: new Date().toISOString(),
          records: service.evidence.map((e) => ({
            recordType: e.recordType,
            department: e.department,
            purpose: e.purpose.en,
          })),
          // What the citizen typed (no department holds it); kept with the consent as submitted, since the
          // schema has no other place for it. Identity numbers and bank accounts among them are sealed.
          fields: sealSensitive(fields.values, cipher),
        },
      },
    ],
    skipDuplicates: true,
  });
  if (inserted.count === 0) {
    const existing = await deps.db.application.findUnique({
      where: { id: applicationId },
      select: { citizenId: true, serviceCode: true },
    });
    // Someone else's id: answer as if it did not exist.
    if (!existing || existing.citizenId !== citizen.id) return { kind: "not-found" };
    if (existing.serviceCode !== serviceCode) {
      return { kind: "invalid", code: "id-used-for-another-service", message: "applicationId: this id was already used for another service." };
    }
  }

  try {
    // checkConsent above refused anything short of every record the service needs.
    await deps.startWorkflow({ applicationId, serviceCode, subjectNationalId: cipher.open(citizen.nationalId), consent: service.evidence.map((e) => e.recordType) });
  } catch (err) {
    console.error(`Could not start the case for application ${applicationId}:`, err);
    return { kind: "not-started", applicationId };
  }
  return { kind: inserted.count === 1 ? "created" : "existing", applicationId };
}
