import { createHash } from "node:crypto";
import type { RateLimiterPostgres } from "rate-limiter-flexible";
import { env, type Rate } from "@/env";
import { consumePoint, type LimitResult, postgresLimiter } from "./rate-limit-store";

// The fixed-window limits of the web: one limiter per kind of request, sized in web/env.ts.
export type RequestLimit = "verify" | "submission" | "case-action";

const rates: Record<RequestLimit, () => Rate> = {
  verify: () => env().VO_LIMIT_VERIFY,
  submission: () => env().VO_LIMIT_SUBMISSIONS,
  "case-action": () => env().VO_LIMIT_CASE_ACTIONS,
};

const limiters = new Map<RequestLimit, RateLimiterPostgres>();

function limiterFor(kind: RequestLimit): RateLimiterPostgres {
  let limiter = limiters.get(kind);
  if (!limiter) {
    const rate = rates[kind]();
    limiter = postgresLimiter({ keyPrefix: kind, points: rate.points, seconds: rate.seconds });
    limiters.set(kind, limiter);
  }
  return limiter;
}

/** Keys are hashed: the table holds neither addresses nor account ids in the clear. */
export function limitKey(subject: string): string {
  return createHash("sha256").update(subject).digest("base64url").slice(0, 32);
}

/**
 * Counts one request of `kind` for `subject` (a client address for /verify, the user's id
 * otherwise); refused with the seconds to wait once the rate is spent.
 */
export function takeRequest(
  kind: RequestLimit,
  subject: string,
  limiter: RateLimiterPostgres = limiterFor(kind),
): Promise<LimitResult> {
  return consumePoint(limiter, limitKey(subject));
}
