import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": here } },
  // tsconfig keeps JSX for Next; a test that renders a component needs it compiled.
  oxc: { jsx: { runtime: "automatic" } },
  // 30 s as in the workers' packages: these tests hash passwords and talk to PostgreSQL while five other
  // projects run beside them on two cores (two bcrypt-heavy account tests passed 5 s in CI).
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules", ".next"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
