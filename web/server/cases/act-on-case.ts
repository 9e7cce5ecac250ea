import { caseSubjectId, isRepresented } from "@visit-once/prisma";
import { CASE_ACCESS_SELECT, caseResourceOf } from "../applications/case-access";
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from "@temporalio/client";
import { getLocale, getTranslations } from "next-intl/server";
import type { Db } from "@visit-once/prisma";
import {
  type ActionResult,
  applicationWorkflowId,
  CASE_ACTIONS,
  caseActionSchema,
  type CaseActionRequest,
  caseUpdates,
  type Reviewer,
  FINAL_STATUSES,
  type CaseStatus,
  isStepOffice,
  readRefusalParams,
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

// Every action people take on a running case — a citizen's cancel, reply or dispute, her
// confirmation or withdrawal of consent at the preview, an officer's decision or answer to a
// correction, a caseworker's resolution — comes through here: parsed, authorised
// and audited, then sent to the case's workflow as an update. The workflow checks it
// against its own status table; its refusal comes back in its own words.

export type ActOutcome =
  | { ok: true; status: CaseStatus }
  | { ok: false; status: 400 | 404 | 409 | 422; message: string }
  | { ok: false; status: 429; message: string; retryAfterSeconds: number };

const NOT_FOUND = { ok: false, status: 404, message: "Not found." } as const;

/** Sends one action to a case, once per `requestId` (a repeat is answered like the first). */
export async function actOnCase(
  actor: Actor | null,
  applicationId: string,
  requestId: string,
  body: unknown,
  db: Db = defaultDb(),
): Promise<ActOutcome> {
  // Per person, whichever way the action comes (the API or a staff form); nobody signed in is refused below.
  if (actor) {
    const limit = await takeRequest("case-action", actor.id);
    if (!limit.ok)
      return {
        ok: false,
        status: 429,
        message: "Too many actions in a short time.",
        retryAfterSeconds: limit.retryAfterSeconds,
      };
  }
  if (!z.uuid().safeParse(applicationId).success) return NOT_FOUND;
  if (!z.uuid().safeParse(requestId).success)
    return { ok: false, status: 400, message: "requestId: a UUID identifying this request is required." };
  const parsed = caseActionSchema.safeParse(body);
  if (!parsed.success) return { ok: false, status: 400, message: describeZodError(parsed.error) };
  const request = parsed.data;

  const app = await db.application.findUnique({
    where: { id: applicationId },
    select: { ...CASE_ACCESS_SELECT, subjectIndex: true, status: true, serviceCode: true },
  });
  if (!app) return NOT_FOUND;
  const target = await resourceOf(db, applicationId, app, request);
  if (!target) return NOT_FOUND;
  // The key is the Temporal update id: reused for another request, Temporal would silently
  // answer with the first one's outcome, so that is refused here instead, whatever the case's state.
  // Claimed before authorising so that a repeat is audited as one (the claim binds the key to this
  // actor, case and body only; the refusal below still answers as if the case did not exist).
  const claim = actor ? await claimIdempotencyKey(db, requestId, actor.id, applicationId, request) : "first";
  // Acting for someone else: the audit entry names whom the applicant acted for ("X for Y").
  const onBehalfOf = actor?.id === app.citizenId && isRepresented(app) ? caseSubjectId(app) : undefined;
  const decision = await authorise(actor, target.action, target.resource, target.label, db, {
    requestId,
    repeat: claim === "repeat",
    onBehalfOf,
  });
  // Refusals look like absence: nobody learns that a case they may not touch exists.
  if (!decision.allowed) return NOT_FOUND;
  const [t, locale] = await Promise.all([getTranslations("common.case"), getLocale()]);
  const closed = (status: string) =>
    ({ ok: false, status: 409, message: t("refusals.case-closed", { status: t(`caseStatus.${status}`) }) }) as const;
  if (claim === "conflict") return { ok: false, status: 422, message: t("refusals.key-reused") };
  if (FINAL_STATUSES.includes(app.status)) return closed(app.status);

  try {
    const result = await sendUpdate(applicationId, requestId, actor!, request, target.supervisingOffice ?? null);
    return { ok: true, status: result.status };
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) {
      // The workflow's refusal, in the reader's language when it is one of the known codes.
      const cause = err.cause;
      if (cause instanceof ApplicationFailure && isRefusalCode(cause.type)) {
        // The values through the code's schema: a refusal whose details do not fit is said without them.
        const params = readRefusalParams(cause.type, cause.details?.[0]);
        return {
          ok: false,
          status: 409,
          message: params ? describeRefusal(t, locale, cause.type, params, app.serviceCode) : t("refusals.generic"),
        };
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

/** What the policy checks the action against: the table's `target` for it. */
async function resourceOf(
  db: Db,
  applicationId: string,
  app: Parameters<typeof caseResourceOf>[0] & { serviceCode: string },
  request: CaseActionRequest,
): Promise<{ action: Action; resource: Resource; label: string; supervisingOffice?: string | null } | null> {
  const label = `case:${applicationId}`;
  const { action } = request;
  switch (CASE_ACTIONS[action].target) {
    case "case":
      return { action, resource: caseResourceOf(app), label };
    case "task": {
      const { stepKey } = request as Extract<CaseActionRequest, { stepKey: string }>;
      const task = await findTaskOffice(applicationId, stepKey, db);
      if (!task) return null;
      return { action, resource: { kind: "task", ...task }, label: `${label}/step:${stepKey}` };
    }
    case "review": {
      const { reviewId } = request as Extract<CaseActionRequest, { reviewId: string }>;
      const review = await db.caseReview.findFirst({
        where: { id: reviewId, applicationId },
        select: { desk: true, refusedById: true },
      });
      if (!review) return null;
      const office =
        review.desk === "caseworker"
          ? null
          : await db.office.findUnique({ where: { code: review.desk }, select: { supervisingOfficeCode: true } });
      const supervisingOffice = office?.supervisingOfficeCode ?? null;
      return {
        action,
        resource: { kind: "review", desk: review.desk, supervisingOffice, refusedById: review.refusedById },
        label: `${label}/review:${reviewId}`,
        supervisingOffice,
      };
    }
    case "correction": {
      const { correctionId } = request as Extract<CaseActionRequest, { correctionId: string }>;
      const correction = await db.correction.findFirst({
        where: { id: correctionId, applicationId },
        select: { departmentCode: true },
      });
      if (!correction) return null;
      return {
        action,
        resource: { kind: "correction", office: correction.departmentCode },
        label: `${label}/correction:${correctionId}`,
      };
    }
    case "exception": {
      const { exceptionId } = request as Extract<CaseActionRequest, { exceptionId: string }>;
      const exception = await db.caseException.findFirst({
        where: { id: exceptionId, applicationId },
        select: { claimedById: true },
      });
      if (!exception) return null;
      return {
        action,
        resource: { kind: "exception", claimedById: exception.claimedById },
        label: `${label}/exception:${exceptionId}`,
      };
    }
  }
}

/** The action as its Temporal update: its arguments, the request id and the actor (and an officer's office). */
async function sendUpdate(
  applicationId: string,
  requestId: string,
  actor: Actor,
  { action, ...input }: CaseActionRequest,
  supervisingOffice: string | null,
): Promise<ActionResult> {
  const handle = (await temporal()).workflow.getHandle(applicationWorkflowId(applicationId));
  const args: Record<string, unknown> = { ...input, requestId, actorId: actor.id };
  if (CASE_ACTIONS[action].target === "review") {
    // The policy let only the refusing desk's members or the supervising office's officers this far.
    const office = actor.departmentCode;
    const reviewer: Reviewer =
      actor.role === "CASEWORKER" || !office
        ? { kind: "caseworker" }
        : { kind: "officer", office, supervising: office === supervisingOffice };
    args.reviewer = reviewer;
  } else if (CASE_ACTIONS[action].by === "OFFICER") {
    const office = actor.departmentCode;
    if (!office || !isStepOffice(office)) throw new Error("An officer without an office reached an officer's action.");
    args.office = office;
  }
  return handle.executeUpdate(caseUpdates[action] as (typeof caseUpdates)["cancel"], {
    updateId: requestId,
    args: [args as never],
  });
}
