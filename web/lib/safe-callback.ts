// Any origin stands in for the app's own: only the parsed result's origin is compared.
const BASE = "http://visit-once.invalid";

/**
 * Only a same-origin path may be a post-sign-in destination; anything else gives "/".
 * Browsers forgive tabs, newlines, backslashes and odd slashes that a prefix check misses
 * (`/\t/evil` is `//evil` to them), so the value is refused outright when it has control
 * characters, whitespace, backslashes or non-ASCII, and otherwise parsed as the browser
 * would, keeping it only when the result stays on our origin.
 */
export function safeCallbackPath(value: string | undefined | null): string {
  if (!value || value.length > 2048 || !value.startsWith("/")) return "/";
  // Control characters, spaces, backslashes and anything outside printable ASCII.
  if (/[^\x21-\x7e]|\\/.test(value)) return "/";
  // The same, percent-encoded: a second decoding somewhere downstream must not produce them either.
  if (/%(?:[01][0-9a-f]|7f|5c)/i.test(value)) return "/";
  let parsed: URL;
  try {
    parsed = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (parsed.origin !== BASE) return "/";
  // Percent-encoded slashes or backslashes at the start would become `//host` once decoded by a later hop.
  if (/^\/(%2f|%5c)/i.test(parsed.pathname) || parsed.pathname.startsWith("//")) return "/";
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/**
 * next-auth's `redirect` callback rule: a same-origin absolute URL or a safe path stays
 * (as the absolute URL next-auth expects); anything else goes to the app's root.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  let path = url;
  if (!url.startsWith("/")) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return `${base.origin}/`;
    }
    if (parsed.origin !== base.origin) return `${base.origin}/`;
    path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  }
  return `${base.origin}${safeCallbackPath(path)}`;
}
