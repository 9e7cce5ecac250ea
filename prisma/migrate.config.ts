// Prisma 6.19's CLI (the `prisma6` alias), for `migrate deploy` and `migrate diff`: its WebAssembly
// schema engine, reached through the pg driver adapter, needs no download (see README). Prisma 7
// generates and runs the client (prisma.config.ts).
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma6/config";
import { poolConfig } from "./src/database-url";

export default defineConfig({
  // The datasource alone: Prisma 6 wants its `url`, which Prisma 7 refuses in schema.prisma.
  schema: "migrate.prisma",
  migrations: { path: "migrations" },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () =>
    new PrismaPg(poolConfig(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres")),
});
