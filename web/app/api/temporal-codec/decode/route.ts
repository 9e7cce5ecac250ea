import { NextResponse } from "next/server";
import { env } from "@/env";
import { readJsonBody } from "@/server/http/read-json-body";
import { currentUser } from "@/server/session";
import { codecCorsHeaders } from "@/server/temporal-codec/cors";
import { decodePayloads } from "@/server/temporal-codec/decode-payloads";

export const dynamic = "force-dynamic";

/** The browser's preflight of the Temporal UI's cross-origin POST. */
export function OPTIONS(request: Request) {
  return new NextResponse(null, {
    status: 204,
    headers: codecCorsHeaders(request.headers.get("origin"), env().TEMPORAL_UI_URL),
  });
}

/**
 * The Temporal UI's remote codec (`temporal server start-dev --ui-codec-endpoint <web>/api/temporal-codec`):
 * opens sealed payloads for signed-in caseworkers and administrators; every decode is audited.
 */
export async function POST(request: Request) {
  const e = env();
  const headers = codecCorsHeaders(request.headers.get("origin"), e.TEMPORAL_UI_URL);
  let user;
  try {
    user = await currentUser();
  } catch {
    user = null;
  }
  if (!user)
    return NextResponse.json(
      { error: "Sign in to Visit Once as a caseworker or administrator, then reload the Temporal UI." },
      { status: 401, headers },
    );
  const body = await readJsonBody(request);
  if (!body.ok) return NextResponse.json({ error: body.error }, { status: body.status, headers });
  const result = await decodePayloads(user, request.headers.get("x-namespace"), e.temporal.namespace, body.value);
  switch (result.kind) {
    case "decoded":
      return NextResponse.json({ payloads: result.payloads }, { headers });
    case "invalid":
      return NextResponse.json({ error: result.message }, { status: 400, headers });
    case "undecodable":
      return NextResponse.json({ error: result.message }, { status: 422, headers });
    case "not-found":
      return NextResponse.json({ error: "Not found." }, { status: 404, headers });
  }
}
