import { NextResponse, type NextRequest } from "next/server";
import { requestAddress } from "./request-address";
import { takeRequest } from "./request-limits";

/**
 * Checking verification codes is public, so `/verify/<code>` is limited per client address: a
 * page cannot answer 429 itself, the proxy (Node.js runtime in Next 16) can, before the page
 * looks anything up. Null when the request may go on.
 */
export async function refuseVerifyFlood(request: NextRequest): Promise<NextResponse | null> {
  if (!/^\/verify\/[^/]+/.test(request.nextUrl.pathname)) return null;
  const verdict = await takeRequest("verify", requestAddress(request.headers));
  if (verdict.ok) return null;
  const minutes = Math.max(1, Math.ceil(verdict.retryAfterSeconds / 60));
  const body = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>请求过于频繁 · Too many requests</title>
<main style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;line-height:1.5">
<h1 lang="zh-CN">核验次数过多</h1><p lang="zh-CN" data-testid="verify-throttled">您的网络核验证照的次数过多，请等待 ${minutes} 分钟后再试。</p>
<h1 lang="en">Too many checks</h1><p lang="en">Too many codes were checked from your connection. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.</p>
<p><a href="/">返回首页 · Start page</a></p></main></html>`;
  return new NextResponse(body, {
    status: 429,
    headers: {
      "Retry-After": String(verdict.retryAfterSeconds),
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
    },
  });
}
