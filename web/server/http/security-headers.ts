// Response headers that tell the browser what this app never does: run scripts it did not
// send with this response's nonce, be framed, sniff types, leak paths to other sites or
// use powerful features. Pure (no env) so next.config.ts can use it for static files too.

/** Headers every response carries, static files included. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // Nothing here uses a camera, location, payments or the like; deny them to every frame.
  "Permissions-Policy": [
    "accelerometer=()",
    "autoplay=()",
    "browsing-topics=()",
    "camera=()",
    "display-capture=()",
    "geolocation=()",
    "gyroscope=()",
    "hid=()",
    "magnetometer=()",
    "microphone=()",
    "midi=()",
    "payment=()",
    "publickey-credentials-get=()",
    "serial=()",
    "usb=()",
    "xr-spatial-tracking=()",
  ].join(", "),
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** One year, subdomains included: sent only when the public URL is https. */
export const HSTS = "max-age=31536000; includeSubDomains";

interface CspOptions {
  nonce: string;
  /** `next dev` only: React's dev build uses eval to rebuild server error stacks. */
  development: boolean;
  https: boolean;
}

/**
 * The page policy: scripts only with this response's nonce (Next puts it on its own scripts
 * when the request carries this header) and what they load ('strict-dynamic'); styles from
 * our own files or with the nonce; no plugins, no <base> elsewhere, forms only to us, never framed.
 */
export function contentSecurityPolicy({ nonce, development, https }: CspOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Dev mode injects styles without a nonce (hot reload); production styles are files or nonced.
    `style-src 'self' ${development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** A fresh, unguessable nonce (128 bits, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
