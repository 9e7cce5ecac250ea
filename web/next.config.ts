import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { STATIC_SECURITY_HEADERS } from "./server/http/security-headers";

const nextConfig: NextConfig = {
  // The web image runs `node web/server.js` from .next/standalone: only the files the server
  // traces, with the workspace packages it imports, so the image carries no build tooling.
  // Traced from the repository root, where the workspaces and their node_modules live.
  output: "standalone",
  outputFileTracingRoot: path.join(import.meta.dirname, ".."),
  // The workspace packages are TypeScript source; Next compiles them with the app.
  transpilePackages: ["@visit-once/workflows", "@visit-once/prisma"],
  // The certificate's font is read as files (server/documents/certificate-font.ts), which tracing cannot see.
  outputFileTracingIncludes: {
    "/api/documents/[code]/pdf": [
      "../node_modules/@expo-google-fonts/noto-sans-sc/400Regular/*.ttf",
      "../node_modules/@expo-google-fonts/noto-sans-sc/700Bold/*.ttf",
    ],
  },
  // Native / Node-only packages stay as plain `require`s on the server.
  serverExternalPackages: [
    "@temporalio/client",
    "@prisma/adapter-pg",
    "pg",
    "pino",
    "prom-client",
    "@temporalio/interceptors-opentelemetry",
    "@opentelemetry/sdk-trace-node",
    "@opentelemetry/exporter-trace-otlp-http",
  ],
  poweredByHeader: false,
  // /verify takes a certificate PDF (refused above 2 MB by the action itself, with a clear message).
  experimental: { serverActions: { bodySizeLimit: "3mb" } },
  // Pages and route handlers get these (and the CSP) from proxy.ts; this covers the static files it skips.
  async headers() {
    return [
      { source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) },
    ];
  },
};

export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
