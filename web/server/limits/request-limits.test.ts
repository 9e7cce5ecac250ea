import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { testPool } from "../testing/database";
import { postgresLimiter } from "./rate-limit-store";
import { takeRequest } from "./request-limits";

const pool = testPool();
afterAll(() => pool.end());

describe("takeRequest on PostgreSQL", () => {
  it("allows the rate, then refuses with the seconds left in the window, per subject", async () => {
    const limiter = postgresLimiter({ keyPrefix: `test-${randomUUID()}`, points: 3, seconds: 60 }, pool);
    const citizen = randomUUID();
    for (let i = 0; i < 3; i++) expect(await takeRequest("submission", citizen, limiter)).toEqual({ ok: true });
    const refused = await takeRequest("submission", citizen, limiter);
    expect(refused.ok).toBe(false);
    expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThan(55);
    expect(refused.ok === false && refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await takeRequest("submission", randomUUID(), limiter)).toEqual({ ok: true });
  });

  it("starts a new window when the old one ends", async () => {
    const limiter = postgresLimiter({ keyPrefix: `test-${randomUUID()}`, points: 1, seconds: 1 }, pool);
    const address = `192.0.2.${randomUUID()}`;
    expect(await takeRequest("verify", address, limiter)).toEqual({ ok: true });
    expect(await takeRequest("verify", address, limiter)).toEqual({ ok: false, retryAfterSeconds: 1 });
    await new Promise((r) => setTimeout(r, 1100));
    expect(await takeRequest("verify", address, limiter)).toEqual({ ok: true });
  });
});
