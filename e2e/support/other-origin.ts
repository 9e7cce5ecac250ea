import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A page served from another origin (same host, another port: same-site but cross-origin,
 * the case SameSite=Lax cookies do not cover). `html` is served at every path.
 */
export async function serveOtherOrigin(html: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
