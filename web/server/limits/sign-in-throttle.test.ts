import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { testPool } from "../testing/database";
import { createSignInThrottle, lockSeconds } from "./sign-in-throttle";

const pool = testPool();
afterAll(() => pool.end());

const email = () => `someone-${randomUUID()}@example.test`;
const address = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("lockSeconds", () => {
  it("is free for the first failures, then doubles, never past the cap", () => {
    expect([1, 2, 3, 4, 5].map((n) => lockSeconds(n, 3, 900))).toEqual([0, 0, 0, 2, 4]);
    expect(lockSeconds(14, 3, 900)).toBe(900);
    expect(lockSeconds(10_000, 3, 900)).toBe(900);
  });
});

describe("sign-in throttle on PostgreSQL", () => {
  it("lets the free failures through, then locks the account for a growing time", async () => {
    const throttle = createSignInThrottle(
      { freeFailures: 2, addressFreeFailures: 100, maxLockSeconds: 60, windowSeconds: 60 },
      pool,
    );
    const who = email();
    const from = address();
    for (let i = 0; i < 2; i++) {
      expect(await throttle.check(who, from)).toEqual({ ok: true });
      await throttle.record(who, from, false);
    }
    expect(await throttle.check(who, from)).toEqual({ ok: true });
    await throttle.record(who, from, false); // third failure: 2 s
    const first = await throttle.check(who, from);
    expect(first).toMatchObject({ ok: false, scope: "account" });
    expect(first.ok === false && first.retryAfterSeconds).toBe(2);
    await throttle.record(who, from, false); // fourth: 4 s
    const second = await throttle.check(who, from);
    expect(second.ok === false && second.retryAfterSeconds).toBe(4);
    // The lock is the account's: the same email from elsewhere waits too.
    expect(await throttle.check(who, address())).toMatchObject({ ok: false, scope: "account" });
    expect(await throttle.check(email(), from)).toEqual({ ok: true });
  });

  it("ends the lock when its time is up, and never locks longer than the cap", async () => {
    const throttle = createSignInThrottle(
      { freeFailures: 0, addressFreeFailures: 100, maxLockSeconds: 1, windowSeconds: 60 },
      pool,
    );
    const who = email();
    const from = address();
    for (let i = 0; i < 6; i++) await throttle.record(who, from, false);
    const locked = await throttle.check(who, from);
    expect(locked).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    await sleep(1100);
    expect(await throttle.check(who, from)).toEqual({ ok: true });
  });

  it("locks an address that fails across many accounts, without locking those accounts elsewhere", async () => {
    const throttle = createSignInThrottle(
      { freeFailures: 100, addressFreeFailures: 3, maxLockSeconds: 60, windowSeconds: 60 },
      pool,
    );
    const from = address();
    const tried = [email(), email(), email(), email()];
    for (const who of tried) await throttle.record(who, from, false);
    expect(await throttle.check(email(), from)).toMatchObject({ ok: false, scope: "address", retryAfterSeconds: 2 });
    expect(await throttle.check(tried[0]!, address())).toEqual({ ok: true });
  });

  it("forgets an account's failures after a success", async () => {
    const throttle = createSignInThrottle(
      { freeFailures: 2, addressFreeFailures: 100, maxLockSeconds: 60, windowSeconds: 60 },
      pool,
    );
    const who = email();
    const from = address();
    await throttle.record(who, from, false);
    await throttle.record(who, from, false);
    await throttle.record(who, from, true);
    await throttle.record(who, from, false);
    await throttle.record(who, from, false);
    expect(await throttle.check(who, from)).toEqual({ ok: true });
    await throttle.record(who, from, false);
    expect(await throttle.check(who, from)).toMatchObject({ ok: false, scope: "account" });
  });

  it("keeps neither the email nor the address in the clear", async () => {
    const throttle = createSignInThrottle(
      { freeFailures: 2, addressFreeFailures: 100, maxLockSeconds: 60, windowSeconds: 60 },
      pool,
    );
    const who = email();
    await throttle.record(who, "203.0.113.77", false);
    const { rows } = await pool.query<{ key: string }>(
      `SELECT key FROM rate_limit_counters WHERE key LIKE '%' || $1 || '%' OR key LIKE '%203.0.113.77%'`,
      [who],
    );
    expect(rows).toEqual([]);
  });
});
