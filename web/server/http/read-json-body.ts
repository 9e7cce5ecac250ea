/** Largest JSON body a route handler reads; every form here fits in a few KiB. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;
/** Deepest nesting of arrays and objects accepted; our bodies are two levels deep. */
export const MAX_JSON_DEPTH = 32;

export type JsonBodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; error: string };

interface Limits {
  maxBytes?: number;
  maxDepth?: number;
}

/**
 * The one way route handlers read a request body: only `application/json` (UTF-8), at most
 * `maxBytes` (413 without reading the rest), valid UTF-8, valid JSON, nested at most
 * `maxDepth` deep. Refusing other content types stops `text/plain` form posts from other
 * sites (the CSRF a simple form can send); the caps keep a huge or deep body from costing
 * memory, time or a stack overflow downstream.
 */
export async function readJsonBody(request: Request, limits: Limits = {}): Promise<JsonBodyResult> {
  const maxBytes = limits.maxBytes ?? MAX_JSON_BODY_BYTES;
  const maxDepth = limits.maxDepth ?? MAX_JSON_DEPTH;
  if (!isJsonContentType(request.headers.get("content-type"))) {
    return { ok: false, status: 415, error: "Send the request body as JSON (Content-Type: application/json)." };
  }
  // Nothing here sends compressed bodies; reading one raw would misread it.
  const encoding = request.headers.get("content-encoding");
  if (encoding && encoding.trim().toLowerCase() !== "identity") {
    return { ok: false, status: 415, error: "Send the request body without Content-Encoding." };
  }
  const tooLarge = { ok: false, status: 413, error: `The request body is larger than ${maxBytes} bytes.` } as const;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return tooLarge;
  }
  const bytes = await readAtMost(request, maxBytes);
  if (!bytes) return tooLarge;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, status: 400, error: "The request body is not valid UTF-8." };
  }
  if (nestingDepth(text) > maxDepth) {
    return { ok: false, status: 400, error: `The request body is nested more than ${maxDepth} levels deep.` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, error: "The request body must be JSON." };
  }
}

/** `application/json`, optionally with `charset=utf-8`; any other type or charset is refused. */
export function isJsonContentType(header: string | null): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(";").map((p) => p.trim().toLowerCase());
  if (type !== "application/json") return false;
  return params.every((p) => !p.startsWith("charset=") || p.replace(/"/g, "") === "charset=utf-8");
}

/** The body's bytes, or null as soon as it passes `maxBytes` (the rest is not read). */
export async function readAtMost(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The deepest nesting of `[`/`{` in JSON text, skipping strings; counted before parsing. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}
