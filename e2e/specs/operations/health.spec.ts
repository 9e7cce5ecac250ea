import { expect, test } from "@playwright/test";
import { defaultDepartmentUrl, departmentUrlEnvName } from "@visit-once/workflows/contracts";
import { LEI, MEI, signedInPage, submitNewborn } from "../../support/citizen";

const DEPARTMENTS = [
  "public-security",
  "health",
  "civil-affairs",
  "human-resources",
  "taxation",
  "natural-resources",
  "market-regulation",
  "medical-security",
];

// What an operator's monitor reads: every dependency and every task queue's workers, in one answer.
test("health names the database, Temporal, each department and each task queue's workers, all answering", async ({
  request,
}) => {
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

// The sandbox's /health skips the faults its real answers carry: only the department workers'
// reports of the requests they really made show a department failing them.
test("a department that fails most real requests is down, with its error rate and latency, though its /health answers; then ok again", async ({
  browser,
  request,
}) => {
  // The failed requests must age out of the last minute before it is ok again.
  test.setTimeout(240_000);
  const sandbox = process.env[departmentUrlEnvName("civil-affairs")] ?? defaultDepartmentUrl("civil-affairs");
  const setFaults = async (faults: object) => {
    const res = await fetch(`${sandbox}/admin/faults`, {
      method: "PUT",
      headers: {
        "x-admin-key": process.env.VO_SANDBOX_ADMIN_KEY || "sandbox-admin",
        "content-type": "application/json",
      },
      body: JSON.stringify(faults),
    });
    expect(res.status).toBe(200);
  };
  await setFaults({ errorRate: 1 });
  try {
    expect((await fetch(`${sandbox}/health`)).status).toBe(200);
    // Real requests: two newborn registrations ask the Civil Affairs Bureau for the marriage record.
    for (const citizen of [MEI, LEI]) await submitNewborn((await signedInPage(browser, citizen)).request);
    await expect(async () => {
      const res = await request.get("/api/health");
      const body = await res.json();
      expect(res.status()).toBe(503);
      expect(body.departments["civil-affairs"]).toBe("down");
      expect(body.requests["civil-affairs"]).toMatchObject({ failures: expect.any(Number), replicas: 1 });
      expect(body.requests["civil-affairs"].requests).toBeGreaterThanOrEqual(3);
      expect(body.requests["civil-affairs"].errorRate).toBeGreaterThan(0.5);
      expect(body.requests["civil-affairs"].meanMs).toEqual(expect.any(Number));
      // The others answered their real requests.
      expect(body.departments["public-security"]).toBe("ok");
      expect(body.requests["public-security"].errorRate).toBe(0);
    }).toPass({ timeout: 60_000 });
  } finally {
    await setFaults({});
  }
  // Once the failed requests are over a minute old (and the retried fetches answered), it is ok again.
  await expect(async () => {
    const res = await request.get("/api/health");
    expect((await res.json()).departments["civil-affairs"]).toBe("ok");
    expect(res.status()).toBe(200);
  }).toPass({ timeout: 120_000, intervals: [5000] });
});
