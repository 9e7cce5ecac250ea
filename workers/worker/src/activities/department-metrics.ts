import { Context } from "@temporalio/activity";
import { ApplicationFailure, type MetricMeter, noopMetricMeter } from "@temporalio/common";
import { INVALID_DEPARTMENT_DATA, RECORD_NOT_FOUND } from "@visit-once/workflows/contracts";

/** What became of one fetch from a department: the label of the department metrics. */
export type FetchOutcome = "ok" | "not_found" | "invalid_data" | "failed";

export function fetchOutcome(error: unknown): FetchOutcome {
  if (error instanceof ApplicationFailure && error.type === RECORD_NOT_FOUND) return "not_found";
  if (error instanceof ApplicationFailure && error.type === INVALID_DEPARTMENT_DATA) return "invalid_data";
  return "failed";
}

/** The running activity's meter (tagged with its namespace, task queue and activity type); none outside an activity. */
function activityMeter(): MetricMeter {
  try {
    return Context.current().metricMeter;
  } catch {
    return noopMetricMeter;
  }
}

/**
 * Times one fetch from a department and counts it by outcome, through the SDK's meter, so the
 * figures are served with the SDK's own at the worker's Prometheus address: `vo_department_requests`
 * (counter) and `vo_department_request_latency` (histogram, ms), labelled department, record_type, outcome.
 * A "failed" fetch is one Temporal retries (the department unreachable, 5xx, 429, refused key).
 */
export async function measuredFetch<T>(department: string, recordType: string, fetch: () => Promise<T>): Promise<T> {
  const started = performance.now();
  let outcome: FetchOutcome = "ok";
  try {
    return await fetch();
  } catch (e) {
    outcome = fetchOutcome(e);
    throw e;
  } finally {
    const meter = activityMeter().withTags({ department, record_type: recordType, outcome });
    meter.createCounter("vo_department_requests", "1", "Fetches from a department's system, by outcome").add(1);
    meter
      .createHistogram("vo_department_request_latency", "int", "ms", "Time one fetch from a department took")
      .record(Math.round(performance.now() - started));
  }
}
