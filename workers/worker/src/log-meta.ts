/**
 * A worker log line's metadata. `JSON.stringify` writes an Error as `{}` (its fields are not
 * enumerable), which hid why activities failed; errors are written as their name, message,
 * Temporal failure type and cause. Messages are ours and the departments' HTTP outcomes, which
 * carry no personal data (see connectors/http.ts); the stack, which adds nothing here, is left out.
 * A Temporal workflow id names its case (`application-<id>`): the line gets the case id as its own field.
 */
export function loggableMeta(meta: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(meta)) out[key] = value instanceof Error ? describeError(value) : value;
  const workflowId = meta.workflowId;
  if (typeof workflowId === "string" && workflowId.startsWith("application-"))
    out.caseId = workflowId.slice("application-".length);
  return out;
}

/** The metadata as JSON (for plain-text lines). */
export function formatLogMeta(meta: Record<string, unknown>): string {
  return JSON.stringify(meta, (_key, value: unknown) => (value instanceof Error ? describeError(value) : value));
}

export function describeError(e: Error): Record<string, unknown> {
  const failure = e as Error & { type?: unknown; nonRetryable?: unknown };
  return {
    name: e.name,
    message: e.message,
    ...(typeof failure.type === "string" ? { type: failure.type } : {}),
    ...(failure.nonRetryable === true ? { nonRetryable: true } : {}),
    ...(e.cause instanceof Error ? { cause: describeError(e.cause) } : {}),
  };
}
