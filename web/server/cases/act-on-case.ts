import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from "@temporalio/client";
import { getLocale, getTranslations } from "next-intl/server";
import type { Db } from "@visit-once/prisma";
import {
  type ActionResult,
  applicationWorkflowId,
  cancelUpdate,
  caseActionSchema,
  type CaseActionRequest,
  decideStepUpdate,
  disputeRecordUpdate,
  FINAL_STATUSES,
  type CaseStatus,
  isStepOffice,
  replyToRequestUpdate,
  resolveExceptionUpdate,
} from "@visit-once/workflows/contracts";
import { z } from "zod";
import { describeZodError } from "@/lib/validation";
import { authorise } from "../access/authorise";
import type { Action, Actor, Resource } from "../access/policy";
import { db as defaultDb } from "../db";
import { takeRequest } from "../limits/request-limits";
import { findTaskOffice } from "../staff/find-task-office";
import { claimIdempotencyKey } from "./claim-idempotency-key";
import { temporal } from "../temporal";
import { describeRefusal, isRefusalCode } from "./refusal-message";

// Every action people take on a running case — a citizen's cancel, reply or dispute, an
// officer's decision, a caseworker's resolution — comes through here: parsed, authorised
// and audited, then sent to the case's workflow as an update. The workflow checks it
// against its own status table; its refusal comes back in its own words.

export type ActOutcome =
  | { ok: true; status: CaseStatus }
  | { ok: false; status: 400 | 404 | 409 | 422; message: string }
  | { ok: false; status: 429; message: string; retryAfterSeconds: number };

const NOT_FOUND = { ok: false, status: 404, message: "Not found." } as const;

/** Sends one action to a case, once per `requestId` (a repeat is answered like the first). */
export async function actOnCase(actor: Actor | null, applicationId: string, requestId: string, body: unknown, db: Db = defaultDb()): Promise<ActOutcome> {
  // Per person, whichever way the action comes (the API or a staff form); nobody signed in is refused below.
  if (actor) {
    const limit = await takeRequest("case-action", actor.id);
    if (!limit.ok) return { ok: false, status: 429, message: "Too many actions in a short time.", retryAfterSeconds: limit.retryAfterSeconds };
  }
  if (!z.uuid().safeParse(applicationId).success) return NOT_FOUND;
  if (!z.uuid().safeParse(requestId).success) return { ok: false, status: 400, message: "requestId: a UUID identifying this request is required." };
  const parsed = caseActionSchema.safeParse(body);
  if (!parsed.success) return { ok: false, status: 400, message: describeZodError(parsed.error) };
  const request = parsed.data;

  const app = await db.application.findUnique({
    where: { id: applicationId },
    select: { citizenId: true, status: true, serviceCode: true, _count: { select: { exceptions: true } } },
  });
  if (!app) return NOT_FOUND;
  const target = await resourceOf(db, applicationId, app, request);
  if (!target) return NOT_FOUND;
  const decision = await authorise(actor, target.action, target.resource, target.label, db);
  // Refusals look like absence: nobody learns that a case they may not touch exists.
  if (!decision.allowed) return NOT_FOUND;
  const [t, locale] = await Promise.all([getTranslations("common.case"), getLocale()]);
  const closed = (status: string) => ({ ok: false, status: 409, message: t("refusals.case-closed", { status: t(`caseStatus.${status}`) }) }) as const;
  // The key is the Temporal update id: reused for another request, Temporal would silently
  // answer with the first one's outcome, so that is refused here instead, whatever the case's state.
  if ((await claimIdempotencyKey(db, requestId, actor!.id, applicationId, request)) === "conflict") {
    return { ok: false, status: 422, message: t("refusals.key-reused") };
  }
  if (FINAL_STATUSES.includes(app.status)) return closed(app.status);

  try {
    const result = await sendUpdate(applicationId, requestId, actor!, request);
    return { ok: true, status: result.status };
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) {
      // The workflow's refusal, in the reader's language when it is one of the known codes.
      const cause = err.cause;
      if (cause instanceof ApplicationFailure && isRefusalCode(cause.type)) {
        const params = (cause.details?.[0] ?? {}) as Record<string, string | number>;
        return { ok: false, status: 409, message: describeRefusal(t, locale, cause.type, params, app.serviceCode) };
      }
      return { ok: false, status: 409, message: cause?.message ?? "The case refused this action." };
    }
    if (err instanceof WorkflowNotFoundError) {
      const now = await db.application.findUnique({ where: { id: applicationId }, select: { status: true } });
      return closed(now?.status ?? "FAILED");
    }
    throw err;
  }
}

async function resourceOf(
  db: Db,
  applicationId: string,
  app: { citizenId: string; serviceCode: string; _count: { exceptions: number } },
  request: CaseActionRequest,
): Promise<{ action: Action; resource: Resource; label: string } | null> {
  const caseResource: Resource = { kind: "case", citizenId: app.citizenId, hasExceptions: app._count.exceptions > 0 };
  const label = `case:${applicationId}`;
  switch (request.action) {
    case "cancel":
    case "reply":
    case "dispute":
      return { action: request.action, resource: caseResource, label };
    case "decide": {
      const task = await findTaskOffice(applicationId, request.stepKey, db);
      if (!task) return null;
      return { action: "decide", resource: { kind: "task", ...task }, label: `${label}/step:${request.stepKey}` };
    }
    case "resolve": {
      const exception = await db.caseException.findFirst({ where: { id: request.exceptionId, applicationId }, select: { claimedById: true } });
      if (!exception) return null;
      return { action: "resolve", resource: { kind: "exception", claimedById: exception.claimedById }, label: `${label}/exception:${request.exceptionId}` };
    }
  }
}

async function sendUpdate(applicationId: string, requestId: string, actor: Actor, request: CaseActionRequest): Promise<ActionResult> {
  const handle = (await temporal()).workflow.getHandle(applicationWorkflowId(applicationId));
  const base = { requestId, actorId: actor.id };
  const options = { updateId: requestId };
  switch (request.action) {
    case "cancel":
      return handle.executeUpdate(cancelUpdate, { ...options, args: [{ ...base, reason: request.reason }] });
    case "reply":
      return handle.executeUpdate(replyToRequestUpdate, { ...options, args: [{ ...base, informationRequestId: request.informationRequestId, reply: request.reply }] });
    case "dispute":
      return handle.executeUpdate(disputeRecordUpdate, { ...options, args: [{ ...base, recordType: request.recordType, explanation: request.explanation }] });
    case "decide": {
      const office = actor.departmentCode;
      if (!office || !isStepOffice(office)) throw new Error("An officer without an office reached a decision.");
      return handle.executeUpdate(decideStepUpdate, { ...options, args: [{ ...base, stepKey: request.stepKey, office, decision: request.decision, reason: request.reason }] });
    }
    case "resolve":
      return handle.executeUpdate(resolveExceptionUpdate, { ...options, args: [{ ...base, exceptionId: request.exceptionId, resolution: request.resolution }] });
  }
}
