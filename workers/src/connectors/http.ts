import { createHash } from "node:crypto";
import { ApplicationFailure } from "@temporalio/common";
import { INVALID_DEPARTMENT_DATA, RECORD_NOT_FOUND, type Provenance } from "@visit-once/workflows/contracts";
import type { z } from "zod";

export interface RawResponse {
  status: number;
  body: string;
  headers: Headers;
}

/**
 * One request to a department system. Timeouts, 5xx, 429 and refused credentials throw
 * ordinary errors, which Temporal retries with backoff; the caller decides what a 404 means.
 */
export async function requestDepartment(department: string, url: string, headers: Record<string, string>): Promise<RawResponse> {
  let res: Response;
  try {
    res = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  } catch (e) {
    throw new Error(`${department} system unreachable: ${(e as Error).name}`);
  }
  const body = await res.text();
  if (res.status === 429 || res.status >= 500) throw new Error(`${department} system answered HTTP ${res.status}`);
  if (res.status === 401 || res.status === 403) throw new Error(`${department} system refused our credentials (HTTP ${res.status}); check its key`);
  return { status: res.status, body, headers: res.headers };
}

export function notFound(department: string, what: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(`${department} holds no ${what} for this person`, RECORD_NOT_FOUND);
}

export function invalidData(department: string, detail: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(`${department} returned data we cannot use: ${detail}`, INVALID_DEPARTMENT_DATA);
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

export function provenance(department: string, sourceRecordId: string, raw: string, retrievedAt = new Date()): Provenance {
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
