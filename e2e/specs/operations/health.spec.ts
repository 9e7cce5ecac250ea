import { expect, test } from "@playwright/test";

const DEPARTMENTS = ["public-security", "health", "civil-affairs", "human-resources", "taxation", "natural-resources", "market-regulation", "medical-security"];

// What an operator's monitor reads: every dependency and every task queue's workers, in one answer.
test("health names the database, Temporal, each department and each task queue's workers, all answering", async ({ request }) => {
  // Each probe has 2 s; a cold web process's first Temporal connection and query may take longer.
  await expect(async () => {
    const res = await request.get("/api/health");
    const body = await res.json();
    expect(body).toMatchObject({ db: "ok", temporal: "ok" });
    expect(Object.keys(body.workers).sort()).toEqual(["orchestrator", ...DEPARTMENTS].sort());
    expect(Object.values(body.workers)).toEqual(Array(9).fill("ok"));
    expect(Object.values(body.departments)).toEqual(Array(8).fill("ok"));
    expect(res.status()).toBe(200);
    expect(res.headers()["cache-control"]).toBe("no-store");
  }).toPass({ timeout: 60_000 });
});
