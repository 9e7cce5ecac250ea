import type { RequestWindow } from "@visit-once/workflows/contracts";

const WINDOW_MS = 60_000;

/**
 * This process's real requests to one department over the last minute (a process may run
 * several departments' workers, each with its own log): time, duration and whether the department failed it. Counts only,
 * no one's identity. /api/health reads the sum over replicas (department-health workflow).
 */
export class RequestLog {
  private entries: { at: number; ms: number; failed: boolean }[] = [];

  record(ms: number, failed: boolean, now = Date.now()): void {
    this.entries.push({ at: now, ms, failed });
    this.prune(now);
  }

  private prune(now: number): void {
    const from = now - WINDOW_MS;
    let i = 0;
    while (i < this.entries.length && this.entries[i]!.at < from) i++;
    if (i > 0) this.entries = this.entries.slice(i);
  }

  window(replica: string, now = Date.now()): RequestWindow {
    this.prune(now);
    return {
      replica,
      requests: this.entries.length,
      failures: this.entries.filter((e) => e.failed).length,
      totalMs: Math.round(this.entries.reduce((n, e) => n + e.ms, 0)),
      maxMs: Math.round(this.entries.reduce((n, e) => Math.max(n, e.ms), 0)),
    };
  }
}

const logs = new Map<string, RequestLog>();

/** The log of this process's requests to `department`. */
export function requestLogOf(department: string): RequestLog {
  let log = logs.get(department);
  if (!log) logs.set(department, (log = new RequestLog()));
  return log;
}
