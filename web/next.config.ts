import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { STATIC_SECURITY_HEADERS } from "./server/http/security-headers";

const nextConfig: NextConfig = {
  // The workspace packages are TypeScript source; Next compiles them with the app.
  transpilePackages: ["@visit-once/workflows", "@visit-once/prisma"],
  // Native / Node-only packages stay as plain `require`s on the server.
  serverExternalPackages: ["@temporalio/client", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
  // Pages and route handlers get these (and the CSP) from proxy.ts; this covers the static files it skips.
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
