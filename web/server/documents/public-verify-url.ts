import { env } from "@/env";

/**
 * The public address that checks a certificate, printed on it and in its QR code: from
 * VO_PUBLIC_BASE_URL (required, and not a loopback address, in production), else NEXTAUTH_URL,
 * else in development the address the request came to.
 */
export function publicVerifyUrl(verificationCode: string, requestUrl: string, configured = env()): string {
  const base = configured.VO_PUBLIC_BASE_URL ?? configured.NEXTAUTH_URL ?? new URL(requestUrl).origin;
  return new URL(`verify/${encodeURIComponent(verificationCode)}`, base.endsWith("/") ? base : `${base}/`).toString();
}
