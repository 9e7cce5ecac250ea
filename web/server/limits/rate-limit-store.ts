import { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/env";

// The counters live in PostgreSQL (table `rate_limit_counters`, made by our Prisma migration),
// so every web process shares them and a restart forgets nothing.
let pool: Pool | undefined;

/** One small pool for the limiters, apart from Prisma's (the library speaks `pg`). */
export function limiterPool(): Pool {
  pool ??= new Pool({ connectionString: env().DATABASE_URL, max: 4 });
  return pool;
}

export interface LimiterOptions {
  /** Separates this limiter's keys from the others' in the one table. */
  keyPrefix: string;
  points: number;
  seconds: number;
}

export function postgresLimiter(options: LimiterOptions, client: Pool = limiterPool()): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient: client,
    storeType: "pool",
    tableName: "rate_limit_counters",
    tableCreated: true,
    keyPrefix: options.keyPrefix,
    points: options.points,
    duration: options.seconds,
    clearExpiredByTimeout: true,
  });
}

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Whole seconds to wait, at least 1 (a `Retry-After` of 0 invites an immediate retry). */
export function retryAfterSeconds(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}

/** Takes one point; refused with the wait when the key has none left. Store errors are thrown. */
export async function consumePoint(limiter: RateLimiterPostgres, key: string): Promise<LimitResult> {
  try {
    await limiter.consume(key);
    return { ok: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes)
      return { ok: false, retryAfterSeconds: retryAfterSeconds(rejection.msBeforeNext) };
    throw rejection;
  }
}
