// Prisma 7's CLI, for `prisma generate` only: its migrate commands download a native schema
// engine, which machines without internet cannot. Migrations run on Prisma 6.19's WebAssembly
// schema engine instead (migrate.config.ts).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "schema.prisma",
  migrations: { path: "migrations" },
});
