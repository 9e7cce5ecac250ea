import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  // The workspace packages are TypeScript source; Next compiles them with the app.
  transpilePackages: ["@visit-once/workflows", "@visit-once/prisma"],
  // Native / Node-only packages stay as plain `require`s on the server.
  serverExternalPackages: ["@temporalio/client", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
};

export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
