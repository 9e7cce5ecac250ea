import type { Pool } from "pg";
import type { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/env";
import { limitKey } from "./request-limits";
import { type LimitResult, limiterPool, postgresLimiter, retryAfterSeconds } from "./rate-limit-store";

export interface SignInThrottleSettings {
  /** Failures of one account allowed before each further failure locks it for a growing time. */
  freeFailures: number;
  /** The same for one client address (higher: a household or office shares one). */
  addressFreeFailures: number;
  /** The lock never exceeds this, so nobody can lock a person out for long. */
  maxLockSeconds: number;
  /** Failures are forgotten this long after the first of them. */
  windowSeconds: number;
}

/**
 * The lock after the n-th failure: none while n ≤ free, then 2 s, 4 s, 8 s … up to the cap.
 * Doubling makes guessing slow quickly, while a person who mistypes a few times waits seconds.
 */
export function lockSeconds(failures: number, free: number, maxLockSeconds: number): number {
  if (failures <= free) return 0;
  return Math.min(2 ** Math.min(failures - free, 30), maxLockSeconds);
}

interface Scope {
  failures: RateLimiterPostgres;
  lock: RateLimiterPostgres;
  free: number;
}

export interface SignInThrottle {
  /** Before checking a password: refused (with the wait) while the account or the address is locked. */
  check(email: string, address: string): Promise<LimitResult & { scope?: "account" | "address" }>;
  /** After checking it: a failure counts against both and may lock them; a success clears the account. */
  record(email: string, address: string, succeeded: boolean): Promise<void>;
}

export function createSignInThrottle(settings: SignInThrottleSettings, pool: Pool = limiterPool()): SignInThrottle {
  const scope = (name: string, free: number): Scope => ({
    // Counting only: the points are never the limit, the lock below is.
    failures: postgresLimiter(
      { keyPrefix: `signin-failures-${name}`, points: 1_000_000, seconds: settings.windowSeconds },
      pool,
    ),
    lock: postgresLimiter({ keyPrefix: `signin-lock-${name}`, points: 1, seconds: 1 }, pool),
    free,
  });
  const account = scope("account", settings.freeFailures);
  const address = scope("address", settings.addressFreeFailures);
  const accountKey = (email: string) => limitKey(`email:${email.trim().toLowerCase()}`);
  const addressKey = (a: string) => limitKey(`address:${a}`);

  async function lockedFor(s: Scope, key: string): Promise<number> {
    const res = await s.lock.get(key);
    return res && res.consumedPoints > 1 ? res.msBeforeNext : 0;
  }

  async function fail(s: Scope, key: string): Promise<void> {
    const res: RateLimiterRes = await s.failures.penalty(key, 1);
    const secs = lockSeconds(res.consumedPoints, s.free, settings.maxLockSeconds);
    if (secs > 0) await s.lock.block(key, secs);
  }

  return {
    async check(email, addr) {
      const [accountMs, addressMs] = await Promise.all([
        lockedFor(account, accountKey(email)),
        lockedFor(address, addressKey(addr)),
      ]);
      if (accountMs === 0 && addressMs === 0) return { ok: true };
      return {
        ok: false,
        retryAfterSeconds: retryAfterSeconds(Math.max(accountMs, addressMs)),
        scope: accountMs >= addressMs ? "account" : "address",
      };
    },
    async record(email, addr, succeeded) {
      if (succeeded) {
        await Promise.all([account.failures.delete(accountKey(email)), account.lock.delete(accountKey(email))]);
        return;
      }
      await Promise.all([fail(account, accountKey(email)), fail(address, addressKey(addr))]);
    },
  };
}

let shared: SignInThrottle | undefined;

/** The web's sign-in throttle, sized by VO_SIGNIN_* (see web/env.ts). */
export function signInThrottle(): SignInThrottle {
  const e = env();
  shared ??= createSignInThrottle({
    freeFailures: e.VO_SIGNIN_FREE_FAILURES,
    addressFreeFailures: e.VO_SIGNIN_ADDRESS_FREE_FAILURES,
    maxLockSeconds: e.VO_SIGNIN_MAX_LOCK_SECONDS,
    windowSeconds: e.VO_SIGNIN_WINDOW_SECONDS,
  });
  return shared;
}
