/**
 * A worker log line's metadata as JSON. `JSON.stringify` writes an Error as `{}` (its fields are
 * not enumerable), which hid why activities failed; errors are written as their name, message,
 * Temporal failure type and cause. Messages are ours and the departments' HTTP outcomes, which
 * carry no personal data (see connectors/http.ts); the stack, which adds nothing here, is left out.
 */
export function formatLogMeta(meta: Record<string, unknown>): string {
  return JSON.stringify(meta, (_key, value: unknown) => (value instanceof Error ? describeError(value) : value));
}

function describeError(e: Error): Record<string, unknown> {
  const failure = e as Error & { type?: unknown; nonRetryable?: unknown };
  return {
    name: e.name,
    message: e.message,
    ...(typeof failure.type === "string" ? { type: failure.type } : {}),
    ...(failure.nonRetryable === true ? { nonRetryable: true } : {}),
    ...(e.cause instanceof Error ? { cause: describeError(e.cause) } : {}),
  };
}
