import type { Db } from "@visit-once/prisma";
import { type FieldCipher, sealSensitive } from "@visit-once/prisma/at-rest";
import {
  type ApplicationWorkflowInput,
  caseStartInput,
  caseStartOptions,
  SERVICES,
  type ServiceDefinition,
  submitApplicationSchema,
} from "@visit-once/workflows/contracts";
import { z } from "zod";
import { checkCitizenFields } from "@/lib/citizen-fields";
import { checkConsent } from "@/lib/consent";
import { describeZodError } from "@/lib/validation";
import { fieldCipher } from "@/env";
import { claimIdempotencyKey } from "../cases/claim-idempotency-key";
import { db as defaultDb } from "../db";
import { temporal } from "../temporal";
import { findOpenApplication, subjectKeyOf } from "./open-application";
import { log } from "../observability/log";
import { type ActingDeps, type ActingSubject, actingForSchema, resolveActingFor } from "../representation/acting-for";
import { findMinorChildren } from "../representation/find-minor-children";
import { appliedForEvent } from "../representation/applied-for-event";

export type SubmitResult =
  | { kind: "created" | "existing"; applicationId: string }
  | { kind: "invalid"; message: string; code: SubmitProblem }
  | { kind: "not-found" }
  /** The citizen already holds an open application for this service and subject: that one. */
  | { kind: "already-open"; applicationId: string }
  /** The Idempotency-Key was first used for another request: nothing was done. */
  | { kind: "key-reused" };

/**
 * Why a submission was refused, for the form to say what to do next: "invalid" answers
 * (go back and check), no national id on file (nothing the form can fix), or an id already
 * used for another service (start again from a fresh form).
 */
export type SubmitProblem =
  | "invalid"
  | "no-national-id"
  | "id-used-for-another-service"
  /** Acting for someone else: the records do not prove the child hers and under 18; the mandate is revoked, expired or not for this service; the records could not be asked now; a service about a child needs the child chosen. */
  | "not-your-child"
  | "mandate-ended"
  | "records-unavailable"
  | "choose-child";

/** Every `code` POST /api/applications answers a refusal with (the wizard maps them to its messages). */
export type SubmitErrorCode = SubmitProblem | "not-found" | "already-open" | "key-reused";

export interface SubmitDeps {
  db: Db;
  startWorkflow(input: ApplicationWorkflowInput): Promise<void>;
  /** Seals the typed identity numbers and bank accounts and opens the citizen's own number; the configured one by default. */
  cipher?: FieldCipher;
  /** Proves a parent's minor children (acting for a child); the departments through the workflow by default. */
  minorChildren?: ActingDeps["minorChildren"];
}

/** What the request carried beside its body. */
export interface SubmitRequest {
  /** The `Idempotency-Key` header, if sent: the same key with another body is refused. */
  idempotencyKey?: string | null;
  /** The request's X-Request-Id, for the audit entry. */
  requestId: string;
}

async function startApplicationWorkflow(input: ApplicationWorkflowInput): Promise<void> {
  const client = await temporal();
  try {
    await client.workflow.start("applicationWorkflow", caseStartOptions(input));
  } catch (err) {
    if ((err as Error).name === "WorkflowExecutionAlreadyStartedError") return;
    throw err;
  }
}

const defaultDeps = (): SubmitDeps => ({ db: defaultDb(), startWorkflow: startApplicationWorkflow });

/**
 * Records a citizen's application and guarantees its case: the row and its outbox entry are
 * written in one transaction, then the workflow is started at once; if that start fails (Temporal
 * down, the process killed), the reconcile schedule starts it from the outbox within a minute.
 * Idempotent on the application id and on the Idempotency-Key; one audit entry per request.
 */
export async function submitApplication(
  citizenId: string,
  body: unknown,
  request: SubmitRequest,
  deps: SubmitDeps = defaultDeps(),
): Promise<SubmitResult> {
  const outcome = await submit(citizenId, body, request, deps);
  const { onBehalfOf, ...result } = outcome;
  // The resource is the application the request names (a refusal for an open one names that one in the detail).
  const applicationId = z.uuid().safeParse((body as { applicationId?: unknown } | null)?.applicationId).data;
  await deps.db.auditEntry.create({
    data: {
      actorId: citizenId,
      role: "CITIZEN",
      action: "submit",
      resource: applicationId ? `case:${applicationId}` : "case:-",
      allowed: result.kind === "created" || result.kind === "existing",
      detail:
        result.kind === "invalid"
          ? `invalid:${result.code}`
          : result.kind === "already-open"
            ? `already-open:case:${result.applicationId}`
            : result.kind,
      requestId: request.requestId,
      onBehalfOf: onBehalfOf ?? null,
    },
  });
  return result as SubmitResult;
}

async function submit(
  citizenId: string,
  body: unknown,
  request: SubmitRequest,
  deps: SubmitDeps,
): Promise<SubmitResult & { onBehalfOf?: string }> {
  const parsed = submitApplicationSchema.safeParse(body);
  if (!parsed.success) return { kind: "invalid", code: "invalid", message: describeZodError(parsed.error) };
  const { applicationId, serviceCode, consent } = parsed.data;
  const service: ServiceDefinition = SERVICES[serviceCode];
  const consentProblem = checkConsent(
    service.evidence.map((e) => e.recordType),
    consent,
  );
  if (consentProblem) return { kind: "invalid", code: "invalid", message: consentProblem };
  // The fields travel beside the contract's body (which strips unknown keys), checked against the service's own list.
  const fields = checkCitizenFields(service.citizenFields, (body as { fields?: unknown }).fields);
  if (!fields.ok) {
    const problems = Object.entries(fields.problems).map(
      ([name, problem]) => `fields.${name}: ${problem === "required" ? "this is required" : "this value is not valid"}`,
    );
    return { kind: "invalid", code: "invalid", message: problems.join("; ") };
  }
  if (request.idempotencyKey != null && !z.uuid().safeParse(request.idempotencyKey).success) {
    return {
      kind: "invalid",
      code: "invalid",
      message: "Idempotency-Key: a UUID identifying this request is expected.",
    };
  }

  const citizen = await deps.db.user.findUnique({
    where: { id: citizenId },
    select: { id: true, role: true, nationalId: true, name: true },
  });
  if (!citizen || citizen.role !== "CITIZEN") return { kind: "not-found" };
  if (!citizen.nationalId) {
    return {
      kind: "invalid",
      code: "no-national-id",
      message: "Your account has no national identity number on file, so records cannot be requested.",
    };
  }
  if (request.idempotencyKey != null) {
    const claim = await claimIdempotencyKey(deps.db, request.idempotencyKey, citizen.id, applicationId, {
      ...parsed.data,
      fields: fields.values,
    });
    if (claim === "conflict") return { kind: "key-reused" };
  }
  const cipher = deps.cipher ?? fieldCipher();
  // Acting for someone else (代办): proven again here from the records or the mandate, whatever the form said.
  const rawActing = (body as { actingFor?: unknown }).actingFor;
  let acting: ActingSubject | null = null;
  if (rawActing !== undefined && rawActing !== null) {
    const choice = actingForSchema.safeParse(rawActing);
    if (!choice.success)
      return { kind: "invalid", code: "invalid", message: "actingFor: choose yourself or someone you may apply for." };
    const minorChildren =
      deps.minorChildren ??
      ((parentNationalId: string) =>
        findMinorChildren({ id: citizen.id, nationalId: parentNationalId }, request.requestId));
    const resolved = await resolveActingFor(citizen.id, service, choice.data, { db: deps.db, cipher, minorChildren });
    if (!resolved.ok)
      return {
        kind: "invalid",
        code: resolved.code === "no-national-id" ? "no-national-id" : resolved.code,
        message: ACTING_MESSAGES[resolved.code],
      };
    acting = resolved.subject;
  } else if (service.forMinors) {
    return {
      kind: "invalid",
      code: "choose-child",
      message: "This service is about a child: choose which of your children you apply for.",
    };
  }
  const ownKey = subjectKeyOf(service, fields.values, cipher);
  // One open application per subject: for someone else, per the person represented.
  const subjectKey = acting ? `for:${acting.subjectIndex}:${ownKey}` : ownKey;
  const onBehalfOf = acting ? (acting.subjectUserId ?? `person:${acting.subjectIndex}`) : undefined;

  // The row and its outbox entry together or neither: a crash after this commit leaves an
  // entry the reconcile schedule starts, never an application without a case.
  const inserted = await deps.db.$transaction(async (tx) => {
    const { count } = await tx.application.createMany({
      data: [
        {
          id: applicationId,
          serviceCode,
          citizenId: citizen.id,
          status: "SUBMITTED",
          subjectKey,
          ...(acting && {
            actingBasis: acting.basis,
            mandateId: acting.mandateId,
            subjectIndex: acting.subjectIndex,
            subjectUserId: acting.subjectUserId,
            subjectName: acting.subjectName,
            subjectNationalId: cipher.seal(acting.subjectNationalId),
          }),
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
      // Also skips a row the one-open-per-subject index refuses: told apart below.
      skipDuplicates: true,
    });
    if (count === 1) await tx.caseStartOutbox.create({ data: { applicationId } });
    // "X for Y" in the case's history, from its first line.
    if (count === 1 && acting)
      await tx.caseEvent.create({ data: appliedForEvent(applicationId, citizen.id, citizen.name, acting) });
    return count === 1;
  });
  if (!inserted) {
    const existing = await deps.db.application.findUnique({
      where: { id: applicationId },
      select: { citizenId: true, serviceCode: true },
    });
    if (!existing) {
      const open = await findOpenApplication(deps.db, citizen.id, serviceCode, subjectKey);
      // Closed between the insert and this read: the citizen may simply submit again.
      return open
        ? { kind: "already-open", applicationId: open, onBehalfOf }
        : { kind: "invalid", code: "invalid", message: "Please submit again." };
    }
    // Someone else's id: answer as if it did not exist.
    if (existing.citizenId !== citizen.id) return { kind: "not-found" };
    if (existing.serviceCode !== serviceCode) {
      return {
        kind: "invalid",
        code: "id-used-for-another-service",
        message: "applicationId: this id was already used for another service.",
      };
    }
  }

  // A resubmit starts it too when its start is still in the outbox (the start joins an existing case).
  if (inserted || (await deps.db.caseStartOutbox.count({ where: { applicationId } })) > 0) {
    try {
      // checkConsent above refused anything short of every record the service needs.
      const subjectNationalId = acting ? acting.subjectNationalId : cipher.open(citizen.nationalId);
      await deps.startWorkflow(
        caseStartInput({
          applicationId,
          serviceCode,
          subjectNationalId,
          consent: service.evidence.map((e) => e.recordType),
        }),
      );
      await deps.db.caseStartOutbox.deleteMany({ where: { applicationId } });
    } catch (err) {
      // Accepted all the same: the entry stays in the outbox and the reconcile schedule starts the case.
      log().warn(
        { caseId: applicationId, requestId: request.requestId, err },
        "could not start the case yet; the reconcile schedule will",
      );
    }
  }
  return { kind: inserted ? "created" : "existing", applicationId, onBehalfOf };
}

const ACTING_MESSAGES: Record<"not-your-child" | "mandate-ended" | "records-unavailable" | "no-national-id", string> = {
  "not-your-child":
    "The household and birth records do not show this person as your child under 18, so you cannot apply for them.",
  "mandate-ended": "The mandate to apply for this person has been revoked, has expired or does not cover this service.",
  "records-unavailable":
    "The household and birth records could not be checked just now. Please try again in a few minutes.",
  "no-national-id": "Your account has no national identity number on file, so records cannot be requested.",
};
