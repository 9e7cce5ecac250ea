import { NextResponse } from "next/server";
import { type SubmitErrorCode, submitApplication } from "@/server/applications/submit-application";
import { readJsonBody } from "@/server/http/read-json-body";
import { currentRequestId } from "@/server/http/request-id";
import { takeRequest } from "@/server/limits/request-limits";
import { tooManyRequests } from "@/server/limits/too-many-requests";
import { requireApiUser } from "@/server/session";

export const dynamic = "force-dynamic";

/**
 * Submit an application (citizens only). Idempotent on the applicationId the form carries and on
 * the `Idempotency-Key` header (the same key with another body: 422). One open application per
 * service and subject: a second is 409 with the open one's id and url.
 * Refusals carry `error` (plain words) and `code` (for the form: see SubmitErrorCode).
 */
export async function POST(request: Request) {
  const auth = await requireApiUser(["CITIZEN"]);
  if (!auth.ok) return auth.response;
  // Each submission fans out to up to eight departments: limited per citizen.
  const limit = await takeRequest("submission", auth.user.id);
  if (!limit.ok) return tooManyRequests(limit.retryAfterSeconds);

  const body = await readJsonBody(request);
  if (!body.ok)
    return NextResponse.json({ error: body.error, code: "invalid" satisfies SubmitErrorCode }, { status: body.status });

  const result = await submitApplication(auth.user.id, body.value, {
    idempotencyKey: request.headers.get("idempotency-key"),
    requestId: await currentRequestId(),
  });
  switch (result.kind) {
    case "invalid":
      return NextResponse.json({ error: result.message, code: result.code satisfies SubmitErrorCode }, { status: 400 });
    case "not-found":
      return NextResponse.json(
        { error: "Application not found.", code: "not-found" satisfies SubmitErrorCode },
        { status: 404 },
      );
    case "already-open":
      return NextResponse.json(
        {
          error:
            "You already have an open application for this service. Follow it, or cancel it before applying again.",
          code: "already-open" satisfies SubmitErrorCode,
          applicationId: result.applicationId,
          url: `/applications/${result.applicationId}`,
        },
        { status: 409 },
      );
    case "key-reused":
      return NextResponse.json(
        {
          error:
            "This request key was already used for a different request. Nothing was changed: send the application again as a new request.",
          code: "key-reused" satisfies SubmitErrorCode,
        },
        { status: 422 },
      );
    case "created":
    case "existing":
      return NextResponse.json(
        { applicationId: result.applicationId, url: `/applications/${result.applicationId}` },
        { status: result.kind === "created" ? 201 : 200 },
      );
  }
}
