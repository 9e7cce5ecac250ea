import { defineQuery, defineSignal } from "@temporalio/workflow";
import type { DepartmentCode } from "./departments";

/**
 * What one department worker replica saw of its department over the last minute: counts and
 * times only, never who was asked about (no personal data).
 */
export interface RequestWindow {
  /** The replica (host and pid): several replicas of one department's worker each report. */
  replica: string;
  requests: number;
  /** Requests the department failed: 5xx, 429, timeout, refused connection or credentials. */
  failures: number;
  /** Sum and maximum of the requests' durations, in ms. */
  totalMs: number;
  maxMs: number;
}

/** A department's real requests over the last minute, across the replicas that reported within it. */
export interface DepartmentRequestHealth {
  requests: number;
  failures: number;
  /** failures / requests (0 without requests). */
  errorRate: number;
  /** Mean duration in ms (0 without requests). */
  meanMs: number;
  maxMs: number;
  replicas: number;
}

/** A replica's latest report and when it arrived (workflow time, ms since the epoch). */
export interface RequestReport {
  at: number;
  window: RequestWindow;
}

export const reportRequestsSignal = defineSignal<[RequestWindow]>("reportRequests");
/**
 * Every replica's latest report. The reader judges freshness by its own clock: a query sees the
 * workflow's time of its last signal, which stands still once every replica has stopped.
 */
export const departmentRequestReportsQuery = defineQuery<RequestReport[]>("departmentRequestReports");

/** One long-running health workflow per department (on the orchestrator's queue); its id holds no personal data. */
export const departmentHealthWorkflowId = (code: DepartmentCode) => `department-health-${code}`;

/** How often a worker reports, and how old a replica's report may be before it no longer counts. */
export const REQUEST_REPORT_INTERVAL_MS = 10_000;
export const REQUEST_REPORT_FRESH_MS = 30_000;
/** Degraded: at least this many real requests in the last minute, most of them failed. */
export const DEGRADED_MIN_REQUESTS = 3;
export const DEGRADED_ERROR_RATE = 0.5;

export function isDegraded(h: DepartmentRequestHealth): boolean {
  return h.requests >= DEGRADED_MIN_REQUESTS && h.errorRate > DEGRADED_ERROR_RATE;
}

/** Sums the windows of the replicas that reported within REQUEST_REPORT_FRESH_MS of `now`. */
export function combineReports(reports: readonly RequestReport[], now: number): DepartmentRequestHealth {
  return combineWindows(reports.filter((r) => now - r.at <= REQUEST_REPORT_FRESH_MS).map((r) => r.window));
}

/** Sums the replicas' windows. */
export function combineWindows(windows: readonly RequestWindow[]): DepartmentRequestHealth {
  const requests = windows.reduce((n, w) => n + w.requests, 0);
  const failures = windows.reduce((n, w) => n + w.failures, 0);
  const totalMs = windows.reduce((n, w) => n + w.totalMs, 0);
  return {
    requests,
    failures,
    errorRate: requests === 0 ? 0 : failures / requests,
    meanMs: requests === 0 ? 0 : Math.round(totalMs / requests),
    maxMs: windows.reduce((n, w) => Math.max(n, w.maxMs), 0),
    replicas: windows.length,
  };
}
