import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/env";
import { checkActionBody, checkRequestHead, ownOrigins, type Refusal } from "@/server/http/request-guard";
import { CODEC_DECODE_PATH } from "@/server/temporal-codec/cors";
import { contentSecurityPolicy, HSTS, newNonce, STATIC_SECURITY_HEADERS } from "@/server/http/security-headers";
import { refuseVerifyFlood } from "@/server/limits/verify-flood";
import { REQUEST_ID_HEADER } from "@/server/http/request-id-header";

/**
 * Runs before every route (Next 16's proxy, formerly middleware): refuses malformed and
 * cross-origin state-changing requests before Next can turn them into a 500 or act on them,
 * and gives every response the security headers with a fresh CSP nonce. Next reads the
 * nonce from the request's CSP header and puts it on its own scripts. Public code checks
 * (`/verify/<code>`) are rate-limited here too. Every request gets a fresh id (whatever the
 * client sent is replaced): the access ledger names the request a use of data came from.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const e = env();
  const https = e.NEXTAUTH_URL?.startsWith("https:") ?? false;
  const origins = ownOrigins(e.NEXTAUTH_URL, request.nextUrl, request.headers.get("host"));
  // The Temporal UI (its own origin) posts payloads to the codec endpoint; nowhere else.
  if (request.nextUrl.pathname === CODEC_DECODE_PATH) origins.push(new URL(e.TEMPORAL_UI_URL).origin);
  const refusal =
    checkRequestHead({ method: request.method, headers: request.headers, url: request.nextUrl }, origins) ??
    (request.headers.has("next-action") ? await checkActionBody(request.clone()) : null);

  const nonce = newNonce();
  const requestId = crypto.randomUUID();
  const csp = contentSecurityPolicy({ nonce, development: e.NODE_ENV === "development", https });
  let response: NextResponse;
  const flood = refusal ? null : await refuseVerifyFlood(request);
  if (refusal) {
    response = refuse(refusal, request.nextUrl.pathname);
  } else if (flood) {
    response = flood;
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("content-security-policy", csp);
    requestHeaders.set(REQUEST_ID_HEADER, requestId);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

function refuse({ status, error }: Refusal, pathname: string): NextResponse {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (status === 405) headers.Allow = "POST";
  if (pathname.startsWith("/api/")) return NextResponse.json({ error }, { status, headers });
  return new NextResponse(error, { status, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}

export const config = {
  // Static build files carry the same headers from next.config.ts and need no nonce.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
