import { NextResponse } from "next/server";
import { actOnCase } from "@/server/cases/act-on-case";
import { readJsonBody } from "@/server/http/read-json-body";
import { tooManyRequests } from "@/server/limits/too-many-requests";
import { requireApiUser } from "@/server/session";

export const dynamic = "force-dynamic";

/**
 * One action on a case (a row of the contracts' case-action table: cancel, reply, dispute, decide, resolve), e.g.
 * `{"action":"decide","stepKey":"household-registration","decision":"approve"}`, with an
 * `Idempotency-Key` header (a UUID): repeating a request changes nothing. 404 for a case
 * the caller may not touch; 409 with the reason when the case refuses the action now; 422 when
 * the key was already used for another request; 429 with `Retry-After` past the per-user rate.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await requireApiUser();
  if (!auth.ok) return auth.response;
  const { id } = await params;
  const body = await readJsonBody(request);
  if (!body.ok) return NextResponse.json({ error: body.error }, { status: body.status });
  const outcome = await actOnCase(auth.user, id, request.headers.get("idempotency-key") ?? "", body.value);
  if (!outcome.ok && outcome.status === 429) return tooManyRequests(outcome.retryAfterSeconds);
  if (!outcome.ok) return NextResponse.json({ error: outcome.message }, { status: outcome.status });
  return NextResponse.json({ status: outcome.status });
}
