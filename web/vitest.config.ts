import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": here } },
  test: { include: ["**/*.test.ts"], exclude: ["node_modules", ".next"], environment: "node" },
});
