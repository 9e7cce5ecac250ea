import { condition, continueAsNew, setHandler } from "@temporalio/workflow";
import {
  departmentRequestReportsQuery,
  REQUEST_REPORT_FRESH_MS,
  reportRequestsSignal,
  type RequestReport,
} from "./contracts/department-health";

/** Reports received before starting afresh (continue-as-new keeps the history small). */
const REPORTS_PER_RUN = 500;

/**
 * A department's real requests over the last minute, as its worker replicas report them (each
 * every 10 s, by signal-with-start): the web's /api/health queries it and sums the replicas
 * that reported within 30 s. Holds counts and times only, the latest report per replica.
 * Workflow time (Date.now() here) is deterministic.
 */
export async function departmentHealthWorkflow(carried: RequestReport[] = []): Promise<void> {
  const latest = new Map<string, RequestReport>(carried.map((r) => [r.window.replica, r]));
  let received = 0;
  setHandler(reportRequestsSignal, (window) => {
    latest.set(window.replica, { at: Date.now(), window });
    // Replicas gone for good (restarted workers have new pids) are dropped.
    for (const [replica, r] of latest) if (Date.now() - r.at > REQUEST_REPORT_FRESH_MS) latest.delete(replica);
    received += 1;
  });
  setHandler(departmentRequestReportsQuery, () => [...latest.values()]);
  await condition(() => received >= REPORTS_PER_RUN);
  await continueAsNew<typeof departmentHealthWorkflow>([...latest.values()]);
}
