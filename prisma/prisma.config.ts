// Prisma 6.19's WebAssembly schema engine, reached through the pg driver adapter: the
// native engine cannot be downloaded on machines without internet (see README).
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { poolConfig } from "./src/database-url";

export default defineConfig({
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () =>
    new PrismaPg(poolConfig(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres")),
});
