import { expect, test } from "@playwright/test";
import { caseOf, MEI, signIn, submitNewborn } from "../../support/citizen";

// What an operator's Prometheus scrapes: the web's /metrics (behind its token) and each worker's
// own endpoint (the SDK's figures and the department fetches). test.ts gives the stack the token
// and the workers' ports: the orchestrator's first, then the department workers' (one process
// with every department's worker, its figures labelled by department).
const TOKEN = process.env.VO_METRICS_TOKEN ?? "";
const METRICS_PORT = Number(process.env.E2E_METRICS_PORT);
const workerMetricsUrl = (department?: string) => `http://127.0.0.1:${METRICS_PORT + (department ? 1 : 0)}/metrics`;

/** The sum of every sample of `name` whose labels include each of `labels`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of text.split("\n")) {
    const m = /^([a-zA-Z_:][\w:]*)(\{([^}]*)\})? (\S+)/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[3] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) total += Number(m[4]);
  }
  return total;
}

test.describe("metrics", () => {
  test("/metrics answers 404 without the token, or with a wrong one", async ({ request }) => {
    expect(TOKEN.length).toBeGreaterThanOrEqual(16);
    expect((await request.get("/metrics")).status()).toBe(404);
    expect(
      (await request.get("/metrics", { headers: { authorization: "Bearer not-the-token-at-all" } })).status(),
    ).toBe(404);
    expect((await request.get("/metrics", { headers: { authorization: TOKEN } })).status()).toBe(404);
  });

  test("a case moves the web's cases by status and the departments' request counters and latency", async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const scrapeWeb = async () => {
      const res = await request.get("/metrics", { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status()).toBe(200);
      expect(res.headers()["content-type"]).toContain("text/plain");
      return res.text();
    };
    const scrapeWorker = async (department?: string) => {
      const res = await request.get(workerMetricsUrl(department));
      expect(res.status()).toBe(200);
      return res.text();
    };
    const casesBefore = sample(await scrapeWeb(), "vo_cases");
    const healthBefore = await scrapeWorker("health");
    const fetchesBefore = sample(healthBefore, "vo_department_requests", { department: "health", outcome: "ok" });
    const latencyCountBefore = sample(healthBefore, "vo_department_request_latency_count", { department: "health" });

    await signIn(page, MEI);
    const applicationId = await submitNewborn(page.request);
    // The records arrive (the health department's birth certificate among them) and the case goes to the offices.
    await expect
      .poll(async () => (await caseOf(page.request, applicationId)).status, { timeout: 60_000 })
      .toBe("IN_DEPARTMENTS");

    const web = await scrapeWeb();
    expect(sample(web, "vo_cases")).toBe(casesBefore + 1);
    expect(sample(web, "vo_cases", { status: "IN_DEPARTMENTS" })).toBeGreaterThanOrEqual(1);
    expect(web).toContain("# TYPE vo_department_steps_at_risk gauge");
    expect(web).toContain("# TYPE vo_notifications_undelivered gauge");
    expect(sample(web, "vo_web_process_cpu_user_seconds_total")).toBeGreaterThan(0);
    // The worker's figures are exported on an interval: poll until they show the fetch.
    await expect
      .poll(
        async () =>
          sample(await scrapeWorker("health"), "vo_department_requests", { department: "health", outcome: "ok" }),
        { timeout: 30_000 },
      )
      .toBeGreaterThan(fetchesBefore);
    const health = await scrapeWorker("health");
    expect(sample(health, "vo_department_request_latency_count", { department: "health" })).toBeGreaterThan(
      latencyCountBefore,
    );
    expect(sample(health, "vo_department_request_latency_sum", { department: "health" })).toBeGreaterThan(0);
    // The SDK's own figures, from the same endpoint: the activity this worker ran.
    expect(health).toMatch(/temporal_activity_execution_latency/);
    // The orchestrator worker serves its own: workflow tasks it completed.
    expect(await scrapeWorker()).toMatch(/temporal_workflow_task_execution_latency|temporal_workflow_completed/);
  });
});
