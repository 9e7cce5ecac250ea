import { createHash } from "node:crypto";
import { type Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { ApplicationFailure } from "@temporalio/common";
import {
  DEPARTMENT_FAILED,
  type DepartmentFailure,
  INVALID_DEPARTMENT_DATA,
  RECORD_NOT_FOUND,
  type Provenance,
} from "@visit-once/workflows/contracts";
import type { z } from "zod";
import { requestLogOf } from "./request-window";

export interface RawResponse {
  status: number;
  body: string;
  headers: Headers;
}

/** The department failed this request: retryable, carrying how long it took (the workflow's retry budget sums these). */
export function departmentFailed(message: string, failedMs: number): ApplicationFailure {
  const details: DepartmentFailure = { failedMs: Math.round(failedMs) };
  return ApplicationFailure.create({ message, type: DEPARTMENT_FAILED, details: [details] });
}

/**
 * One request to a department system. Timeouts, 5xx, 429 and refused credentials throw
 * DEPARTMENT_FAILED with the time the request took; the caller decides what a 404 means.
 */
export async function requestDepartment(
  department: string,
  url: string,
  headers: Record<string, string>,
  write?: { method: "POST" | "PATCH" | "PUT"; body: string },
): Promise<RawResponse> {
  const method = write?.method ?? "GET";
  // A client span of the case's trace. Its attributes name the department and the host, never the
  // path or query, which carry the person's identity number.
  return trace.getTracer("visit-once-connectors").startActiveSpan(
    `${method} ${department}`,
    {
      kind: SpanKind.CLIENT,
      attributes: { "http.request.method": method, "server.address": new URL(url).host, "vo.department": department },
    },
    async (span) => {
      try {
        return await sendRequest(span, department, url, headers, write);
      } catch (e) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: (e as Error).message });
        throw e;
      } finally {
        span.end();
      }
    },
  );
}

async function sendRequest(
  span: Span,
  department: string,
  url: string,
  headers: Record<string, string>,
  write?: { method: string; body: string },
): Promise<RawResponse> {
  const started = performance.now();
  let res: Response;
  let body: string;
  try {
    res = await fetch(url, {
      headers,
      signal: AbortSignal.timeout(10_000),
      ...(write ? { method: write.method, body: write.body } : {}),
    });
    body = await res.text();
  } catch (e) {
    const failedMs = performance.now() - started;
    requestLogOf(department).record(failedMs, true);
    throw departmentFailed(`${department} system unreachable: ${(e as Error).name}`, failedMs);
  }
  span.setAttribute("http.response.status_code", res.status);
  const tookMs = performance.now() - started;
  const refused = res.status === 401 || res.status === 403;
  const failed = res.status === 429 || res.status >= 500 || refused;
  // Every real request counts for /api/health's last minute (a 404 is an answer, not a failure).
  requestLogOf(department).record(tookMs, failed);
  if (refused)
    throw departmentFailed(`${department} system refused our credentials (HTTP ${res.status}); check its key`, tookMs);
  if (failed) throw departmentFailed(`${department} system answered HTTP ${res.status}`, tookMs);
  return { status: res.status, body, headers: res.headers };
}

export function notFound(department: string, what: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(`${department} holds no ${what} for this person`, RECORD_NOT_FOUND);
}

export function invalidData(department: string, detail: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(
    `${department} returned data we cannot use: ${detail}`,
    INVALID_DEPARTMENT_DATA,
  );
}

/**
 * What every connector does with the status of a record request (after `requestDepartment`
 * has dealt with the retryable ones): with `what`, a 404 means the department holds no such
 * record for the person; any other status but 200 is data we cannot use.
 */
export function expectRecordStatus(department: string, res: RawResponse, what?: string): void {
  if (what !== undefined && res.status === 404) throw notFound(department, what);
  if (res.status !== 200) throw invalidData(department, `HTTP ${res.status}`);
}

/** Parses with a schema, turning a mismatch into a non-retryable, typed failure. */
export function parseNative<T>(department: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw invalidData(department, result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; "));
  }
  return result.data;
}

export function provenance(
  department: string,
  sourceRecordId: string,
  raw: string,
  retrievedAt = new Date(),
): Provenance {
  return {
    departmentCode: department,
    sourceRecordId,
    retrievedAt: retrievedAt.toISOString(),
    rawSha256: createHash("sha256").update(raw).digest("hex"),
  };
}

/** The body as JSON, or undefined when it is not JSON (the schema check then says what is wrong). */
export function jsonBody(res: RawResponse): unknown {
  try {
    return JSON.parse(res.body);
  } catch {
    return undefined;
  }
}
