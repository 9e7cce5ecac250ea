/**
 * CORS for the codec endpoint: the Temporal UI runs in the person's browser on its own
 * origin and posts with their session cookie ("include cross-origin credentials" in the
 * UI's codec settings), so exactly that origin is allowed, with credentials. Any other
 * origin gets no CORS headers, so its browser withholds the answer.
 */
export function codecCorsHeaders(requestOrigin: string | null, uiUrl: string): Record<string, string> {
  const allowed = new URL(uiUrl).origin;
  const base = { Vary: "Origin", "Cache-Control": "no-store" };
  if (requestOrigin !== allowed) return base;
  return {
    ...base,
    "Access-Control-Allow-Origin": allowed,
    "Access-Control-Allow-Credentials": "true",
    "Access-Control-Allow-Methods": "POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type, X-Namespace",
    "Access-Control-Max-Age": "600",
  };
}

/** The path the Temporal UI posts to (its codec endpoint + `/decode`). */
export const CODEC_DECODE_PATH = "/api/temporal-codec/decode";
