// Checks made before any route runs (from proxy.ts). Each refusal is a plain 4xx that
// changes nothing, where Next would otherwise answer some of these requests with a 500.
import { isJsonContentType, MAX_JSON_BODY_BYTES, MAX_JSON_DEPTH, nestingDepth, readAtMost } from "./read-json-body";

export interface Refusal {
  status: 400 | 403 | 405 | 413 | 415;
  error: string;
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Our server actions take a handful of short fields. */
export const MAX_ACTION_BODY_BYTES = 64 * 1024;

/**
 * A path that percent-decodes (`%ZZ` or a broken UTF-8 sequence does not) to no control
 * characters (`%00` would reach a database query as a NUL, which PostgreSQL refuses).
 */
export function isWellFormedPath(pathname: string): boolean {
  try {
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    return !/[\u0000-\u001f\u007f]/.test(decodeURIComponent(pathname));
  } catch {
    return false;
  }
}

/**
 * Whether a state-changing request comes from one of our own pages. Browsers send `Origin`
 * on every POST; older ones may send only `Sec-Fetch-Site` or `Referer`. A request with
 * none of them is not from a browser, so it cannot carry a victim's cookies against their
 * will (the CSRF this guards against) and is let through, as Next does for server actions.
 */
export function isSameOrigin(headers: Headers, ownOrigins: readonly string[]): boolean {
  const origin = headers.get("origin");
  if (origin !== null) return ownOrigins.includes(origin);
  const site = headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin" || site === "none";
  const referer = headers.get("referer");
  if (referer !== null) {
    try {
      return ownOrigins.includes(new URL(referer).origin);
    } catch {
      return false;
    }
  }
  return true;
}

/** Our origins: the public URL's, and the one the request was addressed to (its Host). */
export function ownOrigins(publicUrl: string | undefined, requestUrl: URL, host: string | null): string[] {
  const origins = new Set<string>();
  if (publicUrl) origins.add(new URL(publicUrl).origin);
  if (host) {
    try {
      origins.add(new URL(`${requestUrl.protocol}//${host}`).origin);
    } catch {
      // An unparseable Host names no origin of ours.
    }
  }
  return [...origins];
}

function declaredLength(headers: Headers): number | null {
  const raw = headers.get("content-length");
  if (raw === null || !/^\d+$/.test(raw.trim())) return null;
  return Number(raw);
}

/** The checks that need only the request line and headers; null when the request may go on. */
export function checkRequestHead(
  request: { method: string; headers: Headers; url: URL },
  origins: readonly string[],
): Refusal | null {
  const { method, headers, url } = request;
  if (!isWellFormedPath(url.pathname)) return { status: 400, error: "This address is not valid." };
  // next-auth answers a GET here with a 500 carrying its error text; only its POST means anything.
  if (url.pathname === "/api/auth/callback/credentials" && method !== "POST") {
    return { status: 405, error: "Sign in from the sign-in page." };
  }
  if (STATE_CHANGING.has(method) && !isSameOrigin(headers, origins)) {
    return { status: 403, error: "This request did not come from this site's own pages, so it was refused." };
  }
  const length = declaredLength(headers);
  if (headers.has("next-action")) {
    if (method !== "POST") return { status: 405, error: "Send form actions with POST." };
    const type = (headers.get("content-type") ?? "").toLowerCase();
    if (!type.startsWith("multipart/form-data") && !type.startsWith("text/plain")) {
      return { status: 415, error: "This form action was sent in a format the site does not accept." };
    }
    if (length !== null && length > MAX_ACTION_BODY_BYTES)
      return { status: 413, error: "This form action is too large." };
  } else if (STATE_CHANGING.has(method) && url.pathname.startsWith("/api/") && !url.pathname.startsWith("/api/auth/")) {
    // Route handlers read JSON only; refusing here spares reading a body they would refuse.
    const encoding = headers.get("content-encoding");
    if (!isJsonContentType(headers.get("content-type")) || (encoding && encoding.trim().toLowerCase() !== "identity")) {
      return { status: 415, error: "Send the request body as JSON (Content-Type: application/json)." };
    }
    if (length !== null && length > MAX_JSON_BODY_BYTES) {
      return { status: 413, error: `The request body is larger than ${MAX_JSON_BODY_BYTES} bytes.` };
    }
  }
  return null;
}

/**
 * A server action's body, checked as far as its transport goes: at most the cap, valid
 * UTF-8, and for the `text/plain` form (React's encoding of simple arguments) a JSON array.
 * React's decoder throws on anything else, which Next answers with a 500.
 */
export async function checkActionBody(request: Request): Promise<Refusal | null> {
  const header = request.headers.get("content-type") ?? "";
  const type = header.toLowerCase();
  const bytes = await readAtMost(request, MAX_ACTION_BODY_BYTES);
  if (!bytes) return { status: 413, error: "This form action is too large." };
  const malformed: Refusal = { status: 400, error: "This form action is malformed." };
  try {
    if (type.startsWith("text/plain")) {
      const root = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      return isArgumentList(root) && referencesResolve(JSON.parse(root), () => false) ? null : malformed;
    }
    const form = await new Response(bytes, { headers: { "content-type": header } }).formData();
    const keys = [...form.keys()];
    // A part is "<id>"; a FormData argument's fields are "_<id>_<name>" (React 19).
    const hasPart = (id: number) => keys.some((k) => k === String(id) || k.startsWith(`_${id}_`));
    for (const [key, value] of form.entries()) {
      if (typeof value !== "string") continue;
      if (nestingDepth(value) > MAX_JSON_DEPTH) return malformed;
      // Numbered parts are JSON (the root is "0"); "_<n>_<name>" parts are a FormData argument's raw fields.
      if (/^\d+$/.test(key)) {
        const parsed: unknown = JSON.parse(value);
        if ((key === "0" && !Array.isArray(parsed)) || !referencesResolve(parsed, hasPart)) return malformed;
      }
    }
    return null;
  } catch {
    return malformed;
  }
}

/** Values React encodes in place: an escaped "$", undefined, special numbers, dates, big ints, temporary references. */
const INLINE_VALUE = /^\$(?:\$|undefined$|NaN$|-?Infinity$|-0$|D|n-?\d|T)/;
/** Any other "$" string points at another part of the body by its (hex) id. */
const REFERENCE = /^\$[A-Za-z@]?([0-9a-f]+)(?::|$)/;

/**
 * Whether every reference in a decoded reply points at a part the body has. React's
 * decoder rejects a dangling one by throwing, which Next turns into a 500.
 */
function referencesResolve(value: unknown, hasPart: (id: number) => boolean): boolean {
  if (typeof value === "string") {
    if (!value.startsWith("$") || INLINE_VALUE.test(value)) return true;
    const id = REFERENCE.exec(value)?.[1];
    return id !== undefined && hasPart(parseInt(id, 16));
  }
  if (Array.isArray(value)) return value.every((v) => referencesResolve(v, hasPart));
  if (value !== null && typeof value === "object")
    return Object.values(value).every((v) => referencesResolve(v, hasPart));
  return true;
}

/** React's encoding of an action's arguments: a JSON array, not absurdly deep. */
function isArgumentList(text: string): boolean {
  return nestingDepth(text) <= MAX_JSON_DEPTH && Array.isArray(JSON.parse(text));
}
