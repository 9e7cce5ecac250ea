import { NextResponse } from "next/server";

/** The one shape of a rate-limit refusal: 429, `Retry-After`, and plain words in both languages. */
export function tooManyRequests(retryAfterSeconds: number, extra: Record<string, unknown> = {}): NextResponse {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return NextResponse.json(
    {
      error: `Too many requests. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again. 请求过于频繁，请等待 ${minutes} 分钟后再试。`,
      code: "rate-limited",
      retryAfterSeconds,
      ...extra,
    },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
  );
}
