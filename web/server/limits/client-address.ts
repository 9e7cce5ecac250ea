/**
 * The client's address for rate limits. `next start` sets `x-forwarded-for` to the socket's
 * peer only when the request carries none (`??=`), and forwards a client-sent header as is;
 * each reverse proxy in front appends the peer it saw. So the trustworthy entry is the one
 * the nearest trusted hop wrote: with `trustedProxies` proxies in front, the N-th from the
 * right; with none, the rightmost (the socket peer, unless the client forged the header —
 * which is why production runs behind a proxy that sets it).
 */
export function clientAddress(forwardedFor: string | null | undefined, trustedProxies: number): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter((h) => h !== "");
  if (hops.length === 0) return "unknown";
  const index = Math.max(hops.length - Math.max(trustedProxies, 1), 0);
  return normalise(hops[index]!);
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are one client; ports never count. */
function normalise(hop: string): string {
  let h = hop.toLowerCase();
  if (h.startsWith("[")) h = h.slice(1, h.indexOf("]") > 0 ? h.indexOf("]") : undefined);
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(h)) h = h.slice(0, h.lastIndexOf(":"));
  if (h.startsWith("::ffff:") && h.includes(".")) h = h.slice("::ffff:".length);
  return h.slice(0, 100);
}
